package io.skiff.api.defaults;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.Probe;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.Volume;
import io.skiff.api.meta.ClusterScoped;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Fills unset fields as Kubernetes' v1 defaulting does, before validation: what a user may leave
 * out of a manifest. Pure functions from hub object to hub object; a field already set is never
 * changed, so defaulting twice is the same as once.
 */
public final class Defaults {
    public static final String DEFAULT_NAMESPACE = Namespace.DEFAULT;
    public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

    private Defaults() {}

    /** Defaults any kind; namespaced kinds without a namespace get {@code default}. */
    @SuppressWarnings("unchecked")
    public static <T extends KubeObject> T apply(T obj) {
        KubeObject defaulted = switch (obj) {
            case Pod p -> pod(p);
            case ReplicationController rc -> replicationController(rc);
            case Service s -> service(s);
            case Endpoints e -> endpoints(e);
            case Node n -> node(n);
            case Namespace ns -> namespace(ns);
            default -> obj;
        };
        if (!(defaulted instanceof ClusterScoped) && isBlank(defaulted.namespace())) {
            defaulted = defaulted.withMetadata(defaulted.metadataOrEmpty().withNamespace(DEFAULT_NAMESPACE));
        }
        return (T) defaulted;
    }

    public static Pod pod(Pod pod) {
        return pod.withSpec(podSpec(pod.spec()));
    }

    /** A null spec is treated as an empty one, as Go's struct value would be. */
    public static PodSpec podSpec(PodSpec spec) {
        PodSpec s = spec == null ? PodSpec.of(null) : spec;
        boolean hostNetwork = Boolean.TRUE.equals(s.hostNetwork());
        s = s.withRestartPolicy(or(s.restartPolicy(), PodSpec.RESTART_ALWAYS))
                .withTerminationGracePeriodSeconds(or(s.terminationGracePeriodSeconds(),
                        DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS))
                .withSchedulerName(or(s.schedulerName(), PodSpec.DEFAULT_SCHEDULER))
                .withDnsPolicy(or(s.dnsPolicy(), PodSpec.DNS_CLUSTER_FIRST))
                .withContainers(map(s.containers(), c -> container(c, hostNetwork)))
                .withVolumes(map(s.volumes(), Defaults::volume));
        return s;
    }

    public static Container container(Container c, boolean hostNetwork) {
        return c.withImagePullPolicy(or(c.imagePullPolicy(), pullPolicyFor(c.image())))
                .withTerminationMessagePath(or(c.terminationMessagePath(), Container.DEFAULT_TERMINATION_MESSAGE_PATH))
                .withTerminationMessagePolicy(or(c.terminationMessagePolicy(),
                        Container.TERMINATION_MESSAGE_READ_FILE))
                .withPorts(map(c.ports(), p -> containerPort(p, hostNetwork)))
                .withResources(resources(c.resources()))
                .withLivenessProbe(probe(c.livenessProbe()))
                .withReadinessProbe(probe(c.readinessProbe()));
    }

    /**
     * {@code Always} for {@code :latest} or no tag, else {@code IfNotPresent}; an image pinned by
     * digest has no tag and is {@code IfNotPresent}, as Kubernetes decides.
     */
    public static String pullPolicyFor(String image) {
        if (image == null || image.isEmpty()) {
            return Container.PULL_IF_NOT_PRESENT;
        }
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int colon = name.lastIndexOf(':');
        String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
        if (tag.isEmpty() && at < 0) {
            tag = "latest";
        }
        return tag.equals("latest") ? Container.PULL_ALWAYS : Container.PULL_IF_NOT_PRESENT;
    }

    static ContainerPort containerPort(ContainerPort p, boolean hostNetwork) {
        ContainerPort d = p.withProtocol(or(p.protocol(), ContainerPort.PROTOCOL_TCP));
        // On the host network the container port is the host port.
        if (hostNetwork && d.hostPort() == null) {
            d = d.withHostPort(d.containerPort());
        }
        return d;
    }

    /** Requests default to limits, resource by resource. */
    static ResourceRequirements resources(ResourceRequirements r) {
        if (r == null || r.limits() == null || r.limits().isEmpty()) {
            return r;
        }
        Map<String, Quantity> requests = new LinkedHashMap<>(r.requests() == null ? Map.of() : r.requests());
        r.limits().forEach(requests::putIfAbsent);
        return new ResourceRequirements(r.limits(), requests);
    }

    public static Probe probe(Probe p) {
        if (p == null) {
            return null;
        }
        Probe.HTTPGetAction http = p.httpGet();
        if (http != null) {
            http = new Probe.HTTPGetAction(or(http.path(), "/"), http.port(), http.host(),
                    or(http.scheme(), Probe.HTTPGetAction.SCHEME_HTTP), http.httpHeaders());
        }
        return new Probe(p.exec(), http, p.tcpSocket(), p.initialDelaySeconds(), or(p.timeoutSeconds(), 1),
                or(p.periodSeconds(), 10), or(p.successThreshold(), 1), or(p.failureThreshold(), 3));
    }

    /** A volume without a source is an emptyDir. */
    static Volume volume(Volume v) {
        return v.hostPath() == null && v.emptyDir() == null
                ? new Volume(v.name(), null, new Volume.EmptyDirVolumeSource(null, null)) : v;
    }

    /** Replicas 1; selector and labels from the template's labels when empty; template pod defaults. */
    public static ReplicationController replicationController(ReplicationController rc) {
        ReplicationControllerSpec spec = rc.spec() == null
                ? new ReplicationControllerSpec(null, null, null, null) : rc.spec();
        ObjectMeta meta = rc.metadataOrEmpty();
        PodTemplateSpec template = spec.template();
        Map<String, String> templateLabels = template == null || template.metadata() == null
                ? null : template.metadata().labels();
        if (templateLabels != null) {
            if (spec.selector() == null || spec.selector().isEmpty()) {
                spec = spec.withSelector(templateLabels);
            }
            if (meta.labels() == null || meta.labels().isEmpty()) {
                meta = meta.withLabels(templateLabels);
            }
        }
        if (template != null) {
            spec = spec.withTemplate(new PodTemplateSpec(template.metadata(), podSpec(template.spec())));
        }
        spec = spec.withReplicas(or(spec.replicas(), 1));
        return rc.withMetadata(meta == ObjectMeta.EMPTY ? rc.metadata() : meta).withSpec(spec);
    }

    /** Type ClusterIP, affinity None; each port TCP with targetPort = port. */
    public static Service service(Service svc) {
        ServiceSpec spec = svc.spec() == null ? ServiceSpec.of(null, null) : svc.spec();
        spec = spec.withType(or(spec.type(), ServiceSpec.TYPE_CLUSTER_IP))
                .withSessionAffinity(or(spec.sessionAffinity(), ServiceSpec.AFFINITY_NONE))
                .withPorts(map(spec.ports(), Defaults::servicePort));
        return svc.withSpec(spec);
    }

    static ServicePort servicePort(ServicePort p) {
        IntOrString target = p.targetPort();
        boolean unset = target == null || (target.holdsInt() ? target.intValue() == 0 : target.stringValue().isEmpty());
        return new ServicePort(p.name(), or(p.protocol(), ContainerPort.PROTOCOL_TCP), p.port(),
                unset && p.port() != null ? IntOrString.of(p.port()) : target, p.nodePort());
    }

    public static Endpoints endpoints(Endpoints ep) {
        return ep.withSubsets(map(ep.subsets(), s -> new EndpointSubset(s.addresses(), s.notReadyAddresses(),
                map(s.ports(), p -> new EndpointSubset.EndpointPort(p.name(), p.port(),
                        or(p.protocol(), ContainerPort.PROTOCOL_TCP))))));
    }

    /** Allocatable defaults to capacity. */
    public static Node node(Node node) {
        NodeStatus st = node.status();
        if (st == null || st.allocatable() != null || st.capacity() == null) {
            return node;
        }
        return node.withStatus(st.withAllocatable(st.capacity()));
    }

    public static Namespace namespace(Namespace ns) {
        if (ns.status() != null && !isBlank(ns.status().phase())) {
            return ns;
        }
        return ns.withStatus(new Namespace.Status(Namespace.PHASE_ACTIVE));
    }

    private static <T> List<T> map(List<T> list, UnaryOperator<T> f) {
        return list == null ? null : list.stream().map(f).toList();
    }

    private static String or(String v, String dflt) {
        return isBlank(v) ? dflt : v;
    }

    private static <T> T or(T v, T dflt) {
        return v == null ? dflt : v;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
