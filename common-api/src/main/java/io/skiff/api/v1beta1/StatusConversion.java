package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import java.util.Locale;

/**
 * v1beta1's Status to and from the hub's: the same fields but {@code details.id} (the hub's
 * details.name) and a third value, {@code Working}, which the hub's status string carries as is.
 * The lowercase values of the earliest 2014 servers are read too.
 */
final class StatusConversion {
    private StatusConversion() {}

    static Status toHub(StatusTypes.Status w) throws DecodeException {
        StatusTypes.StatusDetails d = w.details();
        StatusDetails details = d == null ? null : new StatusDetails(d.id(), null, d.kind(), null,
                ManifestConversion.map(d.causes(), c -> new StatusCause(c.reason(), c.message(), c.field())), null);
        return new Status(MetaConversion.listMetaToHub(w.meta()), statusToHub(w.status()), w.message(), w.reason(),
                details, w.code());
    }

    static StatusTypes.Status fromHub(Status s) {
        StatusDetails d = s.details();
        StatusTypes.StatusDetails details = d == null ? null : new StatusTypes.StatusDetails(d.name(), d.kind(),
                ManifestConversion.map(d.causes(), c -> new StatusTypes.StatusCause(c.reason(), c.message(),
                        c.field())));
        return new StatusTypes.Status(MetaConversion.listMetaFromHub(Status.KIND, s.metadata()), s.status(),
                s.message(), s.reason(), details, s.code());
    }

    private static String statusToHub(String status) throws DecodeException {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "success" -> StatusTypes.SUCCESS;
            case "failure" -> StatusTypes.FAILURE;
            case "working" -> StatusTypes.WORKING;
            default -> throw new DecodeException("status: unknown value \"" + status
                    + "\" (expected Success, Failure or Working)");
        };
    }
}
