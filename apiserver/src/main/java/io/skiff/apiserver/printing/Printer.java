package io.skiff.apiserver.printing;

import io.skiff.api.meta.ApiObject;
import io.skiff.apiserver.RequestContext;
import java.util.Optional;

/**
 * Server-side printing: turns the answer to a GET or LIST (or one watch event's object) into
 * what the client's {@code Accept} asked for, e.g. a {@code meta.k8s.io/v1 Table} for
 * {@code application/json;as=Table;v=v1;g=meta.k8s.io}. Empty means "answer the object as is".
 * The REST layer calls it only when the Accept header names {@code as=}.
 */
@FunctionalInterface
public interface Printer {
    Printer NONE = (request, result) -> Optional.empty();

    Optional<ApiObject> print(RequestContext request, ApiObject result);
}
