package io.skiff.api.meta;

import java.util.List;

/** Status.details: which object the status is about and, for 422 Invalid, every field error. */
public record StatusDetails(String name, String group, String kind, String uid, List<StatusCause> causes,
        Integer retryAfterSeconds) {}
