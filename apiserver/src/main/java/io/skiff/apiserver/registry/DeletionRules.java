package io.skiff.apiserver.registry;

import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.GroupResource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a DELETE does to an object, as Kubernetes' {@code BeforeDelete} and
 * {@code updateForGracefulDeletionAndFinalizers} decide it: a grace period (pods bound to a
 * node) or finalizers keep the object, with deletionTimestamp and deletionGracePeriodSeconds
 * set; a second DELETE may only shorten the grace period.
 */
final class DeletionRules {
    private DeletionRules() {}

    /**
     * The object marked for deletion, or null when it goes at once: deleted at once only with no
     * grace period left, no finalizers (after those the propagation policy adds) and nothing the
     * kind still finalizes.
     */
    @SuppressWarnings("unchecked")
    static <T extends KubeObject> T pendingDeletion(Strategy<T> strategy, T current, DeleteOptions opts, Instant now) {
        ObjectMeta m = current.metadataOrEmpty();
        Long requested = opts.gracePeriodSeconds();
        long grace;
        Instant deletionTimestamp;
        if (m.deletionTimestamp() != null) {
            // Already being deleted: a DELETE may only shorten the grace period.
            long existing = Objects.requireNonNullElse(m.deletionGracePeriodSeconds(), 0L);
            if (requested != null && Math.max(0, requested) < existing) {
                grace = Math.max(0, requested);
                deletionTimestamp = m.deletionTimestamp().minusSeconds(existing).plusSeconds(grace);
            } else {
                grace = existing;
                deletionTimestamp = m.deletionTimestamp();
            }
        } else {
            grace = strategy.gracePeriodSeconds(current, requested);
            deletionTimestamp = now.plusSeconds(grace);
        }
        List<String> finalizers = DeletionPolicy.finalizers(m.finalizers(), DeletionPolicy.of(opts));
        boolean finalizing = strategy.finalizing(current);
        if (grace == 0 && finalizers.isEmpty() && !finalizing) {
            return null;
        }
        T marked = (T) current.withMetadata(m.withDeletionTimestamp(deletionTimestamp)
                .withDeletionGracePeriodSeconds(grace)
                .withFinalizers(finalizers.isEmpty() && m.finalizers() == null ? null : finalizers));
        return strategy.markDeleting(marked);
    }

    /** A DELETE's preconditions (uid, resourceVersion): 409 when the object is not the one meant. */
    static void checkPreconditions(GroupResource groupResource, KubeObject current,
            DeleteOptions.Preconditions preconditions) {
        if (preconditions == null) {
            return;
        }
        ObjectMeta m = current.metadataOrEmpty();
        if (!isEmpty(preconditions.uid()) && !preconditions.uid().equals(m.uid())) {
            throw ApiErrors.conflict(groupResource, current.name(), "Precondition failed: UID in precondition: "
                    + preconditions.uid() + ", UID in object meta: " + m.uid());
        }
        if (!isEmpty(preconditions.resourceVersion()) && !preconditions.resourceVersion().equals(m.resourceVersion())) {
            throw ApiErrors.conflict(groupResource, current.name(), "Precondition failed: ResourceVersion in precondition: "
                    + preconditions.resourceVersion() + ", ResourceVersion in object meta: " + m.resourceVersion());
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
