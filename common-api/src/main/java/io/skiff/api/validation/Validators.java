package io.skiff.api.validation;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Binding;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import java.util.List;

/**
 * The entry point the apiserver calls, after defaulting: every problem of an object at once, as
 * Kubernetes' per-kind strategies report them, or an empty list when it is valid. Turn a
 * non-empty list into the 422 answer with {@link InvalidStatus#of}.
 *
 * <p>Kinds: Pod, ReplicationController, Service, Endpoints, Node, Namespace, Event, Lease, Scale,
 * and Binding (create only). Anything else is a programming error ({@link IllegalArgumentException}).
 */
public final class Validators {

    private Validators() {
    }

    /** A create. */
    public static List<FieldError> validate(ApiObject obj) {
        return switch (obj) {
            case Pod p -> PodValidation.validatePod(p);
            case ReplicationController rc -> ReplicationControllerValidation.validate(rc);
            case Service s -> ServiceValidation.validate(s);
            case Endpoints e -> EndpointsValidation.validate(e);
            case Node n -> NodeValidation.validate(n);
            case Namespace ns -> NamespaceValidation.validate(ns);
            case Event e -> EventValidation.validate(e);
            case Lease l -> LeaseValidation.validate(l);
            case Scale s -> ScaleValidation.validate(s);
            case Binding b -> PodValidation.validateBinding(b);
            default -> throw unsupported(obj);
        };
    }

    /**
     * An update through the main resource (PUT or PATCH). {@code newObj} must carry the
     * resourceVersion the write is conditional on; an apiserver that allows unconditional
     * updates copies the stored one in first, as Kubernetes does. A Scale update is validated as
     * a Scale create, as Kubernetes does.
     */
    public static List<FieldError> validateUpdate(ApiObject newObj, ApiObject oldObj) {
        return switch (newObj) {
            case Pod p -> PodValidation.validatePodUpdate(p, same(p, oldObj));
            case ReplicationController rc -> ReplicationControllerValidation.validateUpdate(rc, same(rc, oldObj));
            case Service s -> ServiceValidation.validateUpdate(s, same(s, oldObj));
            case Endpoints e -> EndpointsValidation.validateUpdate(e, same(e, oldObj));
            case Node n -> NodeValidation.validateUpdate(n, same(n, oldObj));
            case Namespace ns -> NamespaceValidation.validateUpdate(ns, same(ns, oldObj));
            case Event e -> EventValidation.validateUpdate(e, same(e, oldObj));
            case Lease l -> LeaseValidation.validateUpdate(l, same(l, oldObj));
            case Scale s -> ScaleValidation.validate(s);
            default -> throw unsupported(newObj);
        };
    }

    /**
     * An update through {@code /status}, after the apiserver put the stored spec back into
     * {@code newObj} (status writes never change the spec). Kinds with a status subresource:
     * Pod, ReplicationController, Service, Node, Namespace.
     */
    public static List<FieldError> validateStatusUpdate(ApiObject newObj, ApiObject oldObj) {
        return switch (newObj) {
            case Pod p -> PodValidation.validatePodStatusUpdate(p, same(p, oldObj));
            case ReplicationController rc -> ReplicationControllerValidation.validateStatusUpdate(rc, same(rc, oldObj));
            case Service s -> ServiceValidation.validateStatusUpdate(s, same(s, oldObj));
            case Node n -> NodeValidation.validateUpdate(n, same(n, oldObj));
            case Namespace ns -> NamespaceValidation.validateStatusUpdate(ns, same(ns, oldObj));
            default -> throw unsupported(newObj);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends ApiObject> T same(T newObj, ApiObject oldObj) {
        if (oldObj == null || oldObj.getClass() != newObj.getClass()) {
            throw new IllegalArgumentException("an update compares two " + newObj.kind() + " objects, got "
                    + (oldObj == null ? "null" : oldObj.kind()));
        }
        return (T) oldObj;
    }

    private static IllegalArgumentException unsupported(ApiObject obj) {
        return new IllegalArgumentException("no validation for kind " + (obj == null ? "null" : obj.kind()));
    }
}
