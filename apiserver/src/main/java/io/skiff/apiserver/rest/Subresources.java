package io.skiff.apiserver.rest;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.core.Binding;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusDetails;
import io.skiff.api.selector.LabelSelector;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.Validators;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.GroupResource;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.registry.Registries;
import io.skiff.apiserver.registry.Registry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subresources: {@code status} (of pods, replication controllers, services, nodes,
 * namespaces), {@code pods/binding}, {@code replicationcontrollers/scale} (autoscaling/v1 Scale,
 * how kubectl and fabric8 scale) and {@code namespaces/finalize}. Every write is a
 * compare-and-swap read-modify-write on the parent object.
 */
final class Subresources {
    private static final GroupResource POD_BINDING = GroupResource.core("pods/binding");

    private final ResourceHandler handler;
    private final BodyDecoder decoder;
    private final Registries registries;
    private final Clock clock;

    Subresources(BodyDecoder decoder, Registries registries, Clock clock) {
        this.decoder = decoder;
        this.registries = registries;
        this.clock = clock;
        this.handler = new ResourceHandler(decoder, this);
    }

    ResourceHandler handler() {
        return handler;
    }

    <T extends KubeObject> ApiResponse handle(RequestContext rc, Registry<T> r, String ns, String name, String sub,
            RequestBody body) {
        String verb = rc.info().verb();
        if (r.resource().subresource(sub) == null && !(sub.equals("finalize") && r.resource().plural().equals("namespaces"))) {
            throw ResourceHandler.notFound();
        }
        boolean dryRun = !verb.equals("get") && QueryOptions.dryRun(rc);
        return switch (sub) {
            case "status" -> status(r, ns, name, verb, body, dryRun);
            case "scale" -> scale(registries.replicationControllers(), ns, name, verb, body, dryRun);
            case "binding" -> {
                if (!verb.equals("create")) {
                    throw ApiErrors.methodNotSupported(POD_BINDING, verb);
                }
                yield bind(ns, name, body, dryRun);
            }
            case "finalize" -> {
                if (!verb.equals("update")) {
                    throw ApiErrors.methodNotSupported(GroupResource.core("namespaces/finalize"), verb);
                }
                yield ApiResponse.ok(finalizeNamespace(name, body, dryRun));
            }
            default -> throw ResourceHandler.notFound(); // e.g. pods/log: served by its own route when registered
        };
    }

    private <T extends KubeObject> ApiResponse status(Registry<T> r, String ns, String name, String verb, RequestBody body,
            boolean dryRun) {
        return switch (verb) {
            case "get" -> ApiResponse.ok(r.get(ns, name));
            case "update" -> handler.update(r, ns, name, body, Registry.Target.STATUS, dryRun);
            case "patch" -> ApiResponse.ok(handler.patch(r, ns, name, body, current -> current, (patched, current) ->
                    r.prepareUpdate(decoder.decode(patched, r.resource().apiVersion(), r.resource().kind(),
                            r.strategy().type()), current, Registry.Target.STATUS), dryRun));
            default -> throw ApiErrors.methodNotSupported(new GroupResource(r.resource().group(),
                    r.resource().plural() + "/status"), verb);
        };
    }

    // ---- scale --------------------------------------------------------------------------------

    private ApiResponse scale(Registry<ReplicationController> r, String ns, String name, String verb, RequestBody body,
            boolean dryRun) {
        return switch (verb) {
            case "get" -> ApiResponse.ok(toScale(r.get(ns, name)));
            case "update" -> {
                Scale scale = decoder.decode(body, Scale.API_VERSION, Scale.KIND, Scale.class);
                String bodyName = scale.name();
                if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(name)) {
                    throw ApiErrors.badRequest("the name of the object (" + bodyName
                            + ") does not match the name on the URL (" + name + ")");
                }
                yield ApiResponse.ok(toScale(r.guaranteedUpdate(ns, name, null, rc -> applyScale(r, scale, rc), dryRun)));
            }
            case "patch" -> ApiResponse.ok(toScale(handler.patch(r, ns, name, body, Subresources::toScale,
                    (patched, rc) -> applyScale(r, decoder.decode(patched, Scale.API_VERSION, Scale.KIND, Scale.class), rc),
                    dryRun)));
            default -> throw ApiErrors.methodNotSupported(GroupResource.core("replicationcontrollers/scale"), verb);
        };
    }

    /** The autoscaling/v1 Scale view of a replication controller. */
    static Scale toScale(ReplicationController rc) {
        ObjectMeta m = rc.metadataOrEmpty();
        ObjectMeta meta = ObjectMeta.of(m.namespace(), m.name()).withUid(m.uid())
                .withResourceVersion(m.resourceVersion()).withCreationTimestamp(m.creationTimestamp());
        Integer desired = rc.spec() == null || rc.spec().replicas() == null ? 0 : rc.spec().replicas();
        Integer current = rc.status() == null || rc.status().replicas() == null ? 0 : rc.status().replicas();
        Map<String, String> selector = rc.spec() == null ? null : rc.spec().selector();
        String selectorText = selector == null ? "" : LabelSelector.fromMap(selector).toString();
        return new Scale(meta, new Scale.Spec(desired), new Scale.Status(current, selectorText));
    }

    private static ReplicationController applyScale(Registry<ReplicationController> r, Scale scale,
            ReplicationController current) {
        String expected = scale.metadataOrEmpty().resourceVersion();
        if (expected != null && !expected.isEmpty() && !expected.equals(current.metadataOrEmpty().resourceVersion())) {
            throw ApiErrors.stale(GroupResource.core("replicationcontrollers"), current.name());
        }
        // The path names the object: the body's own name and namespace may be left out.
        Scale named = scale.withMetadata(scale.metadataOrEmpty().withName(current.name())
                .withNamespace(current.namespace()));
        List<FieldError> errs = Validators.validate(named);
        if (!errs.isEmpty()) {
            throw ApiErrors.invalid(Scale.GROUP, Scale.KIND, current.name(), errs);
        }
        // spec.replicas is a plain int32 in Kubernetes: left out, it is 0.
        int replicas = scale.spec() == null || scale.spec().replicas() == null ? 0 : scale.spec().replicas();
        ReplicationControllerSpec spec = current.spec().withReplicas(replicas);
        return r.prepareUpdate(current.withSpec(spec), current, Registry.Target.MAIN);
    }

    // ---- binding ------------------------------------------------------------------------------

    /** {@code POST /namespaces/{ns}/bindings}: the pod is the binding's own name. */
    ApiResponse bindByName(String ns, RequestBody body, boolean dryRun) {
        Binding binding = decoder.decode(body, Binding.API_VERSION, Binding.KIND, Binding.class);
        String pod = binding.name();
        if (pod == null || pod.isEmpty()) {
            throw ApiErrors.invalid(GroupResource.core("bindings").group(), Binding.KIND, "",
                    List.of(FieldError.required(FieldPath.root("metadata", "name"), "name or generateName is required")));
        }
        return bind(ns, pod, body, dryRun);
    }

    /**
     * Binds a pod to a node, as the scheduler does: a compare-and-swap that only succeeds while the
     * pod is unbound, so of two concurrent bindings exactly one wins and the other gets 409.
     */
    private ApiResponse bind(String ns, String podName, RequestBody body, boolean dryRun) {
        Binding binding = decoder.decode(body, Binding.API_VERSION, Binding.KIND, Binding.class);
        if (binding.name() != null && !binding.name().isEmpty() && !binding.name().equals(podName)) {
            throw ApiErrors.badRequest("the name of the object (" + binding.name()
                    + ") does not match the name on the URL (" + podName + ")");
        }
        ObjectReference target = binding.target();
        List<FieldError> errs = Validators.validate(binding);
        if (!errs.isEmpty()) {
            throw ApiErrors.invalid("", Binding.KIND, podName, errs);
        }
        Map<String, String> annotations = binding.metadataOrEmpty().annotations();
        registries.pods().guaranteedUpdate(ns, podName, null, pod -> assign(pod, target.name(), annotations), dryRun);
        return new ApiResponse(201, new Status(io.skiff.api.meta.ListMeta.EMPTY, Status.SUCCESS, null, null,
                new StatusDetails(podName, null, "pods", null, null, null), 201));
    }

    private Pod assign(Pod pod, String node, Map<String, String> annotations) {
        if (pod.metadataOrEmpty().deletionTimestamp() != null) {
            throw ApiErrors.conflict(POD_BINDING, pod.name(),
                    "pod " + pod.name() + " is being deleted, cannot be assigned to a host");
        }
        String bound = pod.spec() == null ? null : pod.spec().nodeName();
        if (bound != null && !bound.isEmpty()) {
            throw ApiErrors.conflict(POD_BINDING, pod.name(),
                    "pod " + pod.name() + " is already assigned to node \"" + bound + "\"");
        }
        ObjectMeta meta = pod.metadataOrEmpty();
        if (annotations != null && !annotations.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(meta.annotations() == null ? Map.of() : meta.annotations());
            merged.putAll(annotations);
            meta = meta.withAnnotations(merged);
        }
        PodStatus status = pod.status() == null ? PodStatus.ofPhase(PodStatus.PHASE_PENDING) : pod.status();
        List<PodCondition> conditions = new ArrayList<>(status.conditions() == null ? List.of() : status.conditions());
        conditions.removeIf(c -> PodCondition.TYPE_POD_SCHEDULED.equals(c.type()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        conditions.add(new PodCondition(PodCondition.TYPE_POD_SCHEDULED, PodCondition.TRUE, null, now, null, null));
        return pod.withMetadata(meta).withSpec(pod.spec().withNodeName(node)).withStatus(status.withConditions(conditions));
    }

    // ---- namespaces/finalize ------------------------------------------------------------------

    private Namespace finalizeNamespace(String name, RequestBody body, boolean dryRun) {
        Registry<Namespace> r = registries.namespaces();
        Namespace ns = handler.objectForUpdate(r, "", name, body, Namespace.API_VERSION, Namespace.KIND, Namespace.class);
        return r.guaranteedUpdate("", name, null, current -> {
            String expected = ns.metadataOrEmpty().resourceVersion();
            if (expected != null && !expected.isEmpty() && !expected.equals(current.metadataOrEmpty().resourceVersion())) {
                throw ApiErrors.stale(r.groupResource(), name);
            }
            return current.withSpec(ns.spec() == null ? new Namespace.Spec(List.of()) : ns.spec());
        }, dryRun);
    }

}
