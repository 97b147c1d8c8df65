package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.validation.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is particular to one kind in the generic {@link Registry}: defaults, what create and
 * update may change (status is written only through {@code /status}, spec only through the main
 * resource), validation, the fields a field selector can name, and deletion behaviour. The
 * registry applies the rules shared by all kinds ({@link ObjectMetaRules}) around these.
 */
public interface Strategy<T extends KubeObject> {

    ResourceInfo resource();

    Class<T> type();

    /** Fills unset fields, as decoding a request does in Kubernetes. */
    T defaults(T obj);

    /** Kind rules of a create, after the system metadata is set: e.g. clear status. */
    T prepareForCreate(T obj);

    /** An update of the main resource: e.g. the status stays what is stored. */
    T prepareForUpdate(T updated, T old);

    /** An update through {@code /status}: the spec and most metadata stay what is stored. */
    T prepareForStatusUpdate(T updated, T old);

    /**
     * Every problem of a new object at once (metadata and kind rules), as Kubernetes words them.
     * This, {@link #validateUpdate} and {@link #validateStatusUpdate} are the one place where a
     * kind's validators plug in.
     */
    List<FieldError> validate(T obj);

    /** An update of the main resource; {@code updated} carries the resourceVersion it is conditional on. */
    List<FieldError> validateUpdate(T updated, T old);

    /** An update through {@code /status}, after {@link #prepareForStatusUpdate} put the stored spec back. */
    List<FieldError> validateStatusUpdate(T updated, T old);

    /** The part whose change bumps metadata.generation; null for kinds without a spec. */
    Object spec(T obj);

    /** Field names a field selector may use for this kind. */
    Set<String> selectableFieldNames();

    /** The selectable fields of one object, for field selectors. */
    Map<String, String> selectableFields(T obj);

    /** How long objects live (events: 1 h); null for ever. */
    default Duration ttl() {
        return null;
    }

    /** Whether a PUT of an absent object creates it. */
    default boolean allowCreateOnUpdate() {
        return false;
    }

    /**
     * The grace period a DELETE gives an object not yet being deleted: 0 deletes at once (every
     * kind but pods); {@code requested} is the client's gracePeriodSeconds, or null.
     */
    default long gracePeriodSeconds(T obj, Long requested) {
        return 0;
    }

    /** Marks an object as being deleted (namespaces turn Terminating); the metadata is already set. */
    default T markDeleting(T obj) {
        return obj;
    }

    /** True while kind-specific finalization blocks the deletion (a namespace's spec.finalizers). */
    default boolean finalizing(T obj) {
        return false;
    }

    /** Refuses a DELETE by throwing an {@link io.skiff.apiserver.ApiException} (system namespaces). */
    default void checkDelete(T obj) {}

    /** After a DELETE: {@code deleted} false when the deletion is pending (grace period, finalizers). */
    default void afterDelete(T obj, boolean deleted) {}

    /**
     * Reserves what {@code obj} needs from shared pools (a service's cluster IP and node ports)
     * and {@code old} (null on create) does not hold yet, before it is stored; fills in what was
     * allocated. A dry run only checks and fills in: it reserves nothing.
     */
    default T allocate(T obj, T old, boolean dryRun) {
        return obj;
    }

    /**
     * Gives back what {@code holder} holds from shared pools and {@code keep} (null: nothing)
     * does not: all of a deleted object's, a failed write's new reservations, what an update dropped.
     */
    default void release(T holder, T keep) {}
}
