package io.skiff.api.v1beta1;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Event;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.Probe;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ReplicationControllerStatus;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.core.Service;
import io.skiff.api.core.ServicePort;
import io.skiff.api.core.ServiceSpec;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import io.skiff.api.resource.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random hub objects restricted to what v1beta1 can say (see the package documentation for what
 * it cannot): every field it carries filled or absent at random, every field it lacks absent.
 */
final class RandomHubObjects extends RandomScalars {
    RandomHubObjects(Random random) {
        super(random);
    }

    ObjectMeta meta(boolean labels) {
        Long rv = revision();
        return new ObjectMeta(string(), null, string(), string(), rv == null ? null : rv.toString(), null, time(),
                null, null, labels ? stringMap() : null, stringMap(), null, null);
    }

    Pod pod() {
        PodSpec spec = podSpec().withNodeSelector(stringMap());
        return new Pod(meta(true), spec, maybe(this::podStatus));
    }

    PodSpec podSpec() {
        return PodSpec.of(list(this::container)).withVolumes(list(this::volume))
                .withRestartPolicy(maybe(() -> oneOf(List.of(PodSpec.RESTART_ALWAYS, PodSpec.RESTART_ON_FAILURE,
                        PodSpec.RESTART_NEVER))))
                .withNodeName(string());
    }

    Volume volume() {
        boolean hostPath = r.nextBoolean();
        boolean emptyDir = !hostPath || r.nextInt(4) == 0;
        return new Volume(string(), hostPath ? new Volume.HostPathVolumeSource(string(), null) : null,
                emptyDir ? new Volume.EmptyDirVolumeSource(null, null) : null);
    }

    Container container() {
        return new Container(string(), string(), null, stringList(), string(),
                list(() -> new ContainerPort(string(), integer(), integer(), string(), string())),
                list(() -> new EnvVar(string(), string())), maybe(this::limits),
                list(() -> new VolumeMount(string(), bool(), string(), null)),
                maybe(() -> new Probe(maybe(() -> new Probe.ExecAction(stringList())),
                        maybe(() -> new Probe.HTTPGetAction(string(), maybe(this::intOrString), string(), null, null)),
                        maybe(() -> new Probe.TCPSocketAction(maybe(this::intOrString), null)), integer(), null, null,
                        null, null)),
                null, string(), null,
                maybe(() -> oneOf(List.of(Container.PULL_ALWAYS, Container.PULL_NEVER, Container.PULL_IF_NOT_PRESENT))));
    }

    /** Integral cpu millicores and memory bytes, the units v1beta1 counts in. */
    ResourceRequirements limits() {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        boolean cpu = r.nextBoolean();
        if (cpu) {
            limits.put(ResourceRequirements.CPU, r.nextBoolean() ? Quantity.ofMilli(positive())
                    : Quantity.parse(1 + r.nextInt(64) + ""));
        }
        if (!cpu || r.nextBoolean()) {
            limits.put(ResourceRequirements.MEMORY, r.nextBoolean() ? Quantity.ofBytes(positive())
                    : Quantity.parse(1 + r.nextInt(4096) + "Mi"));
        }
        return new ResourceRequirements(limits, null);
    }

    /**
     * A status v1beta1 can say: Succeeded only when every container is known to have exited 0,
     * since that is how Terminated reads back.
     */
    PodStatus podStatus() {
        List<ContainerStatus> statuses = null;
        if (r.nextInt(4) != 0) {
            statuses = new ArrayList<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                statuses.add(new ContainerStatus(uniqueName(i), maybe(this::containerState), null, null, integer(),
                        string(), null, null, null));
            }
        }
        String phase = maybe(() -> oneOf(List.of(PodStatus.PHASE_PENDING, PodStatus.PHASE_RUNNING,
                PodStatus.PHASE_SUCCEEDED, PodStatus.PHASE_FAILED, PodStatus.PHASE_UNKNOWN)));
        boolean allExitedZero = statuses != null && !statuses.isEmpty() && statuses.stream().allMatch(s ->
                s.state() != null && s.state().terminated() != null
                        && Integer.valueOf(0).equals(s.state().terminated().exitCode()));
        if (PodStatus.PHASE_SUCCEEDED.equals(phase) || PodStatus.PHASE_FAILED.equals(phase)) {
            phase = allExitedZero ? PodStatus.PHASE_SUCCEEDED : PodStatus.PHASE_FAILED;
        }
        String hostIP = string();
        String podIP = string();
        if (phase == null && hostIP == null && podIP == null && statuses == null) {
            phase = PodStatus.PHASE_PENDING;
        }
        return new PodStatus(phase, null, null, null, hostIP, podIP, null, null, statuses, null);
    }

    ContainerState containerState() {
        return new ContainerState(maybe(() -> new ContainerState.Waiting(string(), null)),
                maybe(() -> new ContainerState.Running(time())),
                maybe(() -> new ContainerState.Terminated(r.nextInt(3) == 0 ? integer() : Integer.valueOf(0),
                        integer(), string(), string(), time(), time(), null)));
    }

    ReplicationController replicationController() {
        PodTemplateSpec template = maybe(() -> {
            ObjectMeta meta = maybe(() -> ObjectMeta.EMPTY.withName(word()).withUid(string()).withLabels(stringMap()));
            return new PodTemplateSpec(meta, podSpec());
        });
        return new ReplicationController(meta(true),
                new ReplicationControllerSpec(integer(), null, stringMap(), template),
                maybe(() -> ReplicationControllerStatus.ofReplicas(r.nextInt())));
    }

    Service service() {
        List<ServicePort> ports = maybe(() -> List.of(new ServicePort(null, string(), r.nextInt(65536),
                maybe(this::intOrString), null)));
        return new Service(meta(true), new ServiceSpec(ports, stringMap(), string(), null,
                maybe(() -> ServiceSpec.TYPE_LOAD_BALANCER), stringList(), string(), null, null), null);
    }

    Node node() {
        ObjectMeta meta = meta(true).withNamespace(null);
        NodeStatus status = maybe(() -> {
            Map<String, Quantity> capacity = maybe(() -> {
                Map<String, Quantity> c = new LinkedHashMap<>();
                c.put(ResourceRequirements.CPU, r.nextBoolean() ? Quantity.ofMilli(positive())
                        : Quantity.parse(1 + r.nextInt(128) + ""));
                c.put(ResourceRequirements.MEMORY, Quantity.parse(1 + r.nextInt(512) + "Gi"));
                c.put(ResourceRequirements.PODS, Quantity.of(r.nextInt(500)));
                return c;
            });
            List<NodeStatus.NodeCondition> conditions = list(() -> new NodeStatus.NodeCondition(string(),
                    maybe(() -> oneOf(List.of("True", "False", "Unknown"))), time(), time(), string(), string()));
            List<NodeStatus.NodeAddress> addresses = maybe(() -> List.of(
                    new NodeStatus.NodeAddress(NodeStatus.NodeAddress.TYPE_INTERNAL_IP, word())));
            if (capacity == null && conditions == null && addresses == null) {
                conditions = List.of();
            }
            return new NodeStatus(capacity, null, conditions, addresses, null, null, null);
        });
        return new Node(meta, null, status);
    }

    Event event() {
        var seen = time();
        return new Event(meta(false),
                maybe(() -> new ObjectReference(string(), string(), string(), string(), string(), string(),
                        string())),
                string(), string(), maybe(() -> new Event.Source(word(), null)), seen, seen, null, null, null,
                string(), null, null);
    }

    Status status() {
        Long rv = revision();
        return new Status(rv == null ? ListMeta.EMPTY : ListMeta.atVersion(rv.toString()),
                maybe(() -> oneOf(List.of(Status.SUCCESS, Status.FAILURE, "Working"))), string(), string(),
                maybe(() -> new StatusDetails(string(), null, string(), null,
                        list(() -> new StatusCause(string(), string(), string())), null)),
                integer());
    }

    KubeList<Pod> podList() {
        return list(Pod.KIND, this::pod);
    }

    KubeList<ReplicationController> replicationControllerList() {
        return list(ReplicationController.KIND, this::replicationController);
    }

    KubeList<Service> serviceList() {
        return list(Service.KIND, this::service);
    }

    KubeList<Node> nodeList() {
        return list(Node.KIND, this::node);
    }

    KubeList<Event> eventList() {
        return list(Event.KIND, this::event);
    }

    private <T extends KubeObject> KubeList<T> list(String itemKind, Supplier<T> item) {
        Long rv = revision();
        return KubeList.of("v1", itemKind, rv == null ? ListMeta.EMPTY : ListMeta.atVersion(rv.toString()),
                list(item));
    }
}
