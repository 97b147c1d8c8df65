package io.skiff.api.v1beta1;

import io.skiff.api.resource.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random v1beta1 objects of every kind in the form a v0.5 server wrote them: each field filled
 * or absent at random, except where v1beta1 says one thing twice (a pod's manifest id is its id,
 * currentState.host is desiredState.host, an info entry's podIP is the pod's) or gave a value
 * a meaning of "unset" (0 resources, an empty status).
 */
final class RandomWireObjects extends RandomScalars {
    static final List<String> POD_STATUSES = List.of("Waiting", "Running", "Terminated", "Unknown");
    static final List<String> PULL_POLICIES = List.of("PullAlways", "PullNever", "PullIfNotPresent");

    RandomWireObjects(Random random) {
        super(random);
    }

    TypeMeta meta(String kind) {
        return new TypeMeta(kind, string(), string(), time(), null, revision(), V1beta1.API_VERSION, string(),
                stringMap());
    }

    PodTypes.Pod pod() {
        TypeMeta meta = meta(V1beta1.POD);
        PodTypes.PodState desired = new PodTypes.PodState(manifest(meta.id(), meta.uid()), null, string(), null, null,
                null);
        PodTypes.PodState current = maybe(() -> currentState(desired.host()));
        return new PodTypes.Pod(meta, stringMap(), desired, current, stringMap());
    }

    PodTypes.PodState currentState(String host) {
        String podIP = string();
        Map<String, PodTypes.ContainerStatus> info = null;
        if (r.nextInt(4) != 0) {
            info = new LinkedHashMap<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                info.put(uniqueName(i), new PodTypes.ContainerStatus(maybe(this::containerState), integer(), podIP,
                        string()));
            }
        }
        String status = maybe(() -> oneOf(POD_STATUSES));
        String hostIP = string();
        if (status == null && hostIP == null && podIP == null && info == null) {
            status = "Running"; // a current state that reports nothing is no state at all
        }
        return new PodTypes.PodState(null, status, host, hostIP, podIP, info);
    }

    PodTypes.ContainerState containerState() {
        return new PodTypes.ContainerState(maybe(() -> new PodTypes.Waiting(string())),
                maybe(() -> new PodTypes.Running(time())),
                maybe(() -> new PodTypes.Termination(r.nextBoolean() ? Integer.valueOf(0) : integer(), integer(),
                        string(), string(), time(), time())));
    }

    PodTypes.ContainerManifest manifest(String id, String uuid) {
        return new PodTypes.ContainerManifest(ManifestConversion.MANIFEST_VERSION, id, uuid, list(this::volume),
                list(this::container), maybe(() -> oneOf(List.of(PodTypes.RestartPolicy.ALWAYS,
                        PodTypes.RestartPolicy.ON_FAILURE, PodTypes.RestartPolicy.NEVER))));
    }

    PodTypes.Volume volume() {
        boolean hostDir = r.nextBoolean();
        boolean emptyDir = !hostDir || r.nextInt(4) == 0;
        return new PodTypes.Volume(string(), new PodTypes.VolumeSource(
                hostDir ? new PodTypes.HostDir(string()) : null, emptyDir ? new PodTypes.Empty() : null));
    }

    PodTypes.Container container() {
        return new PodTypes.Container(string(), string(), stringList(), string(),
                list(() -> new PodTypes.Port(string(), integer(), integer(), string(), string())),
                list(() -> new PodTypes.EnvVar(string(), null, string())),
                maybe(this::positive), maybe(this::positive),
                list(() -> new PodTypes.VolumeMount(string(), bool(), string(), null)),
                maybe(() -> new PodTypes.LivenessProbe(
                        maybe(() -> new PodTypes.HTTPGetAction(string(), maybe(this::intOrString), string())),
                        maybe(() -> new PodTypes.TCPSocketAction(maybe(this::intOrString))),
                        maybe(() -> new PodTypes.ExecAction(stringList())), integer())),
                string(), maybe(() -> oneOf(PULL_POLICIES)));
    }

    ControllerTypes.ReplicationController replicationController() {
        ControllerTypes.ReplicationControllerState desired = new ControllerTypes.ReplicationControllerState(
                integer(), stringMap(), maybe(() -> new ControllerTypes.PodTemplate(
                        new PodTypes.PodState(manifest(string(), string()), null, string(), null, null, null),
                        stringMap())));
        return new ControllerTypes.ReplicationController(meta(V1beta1.REPLICATION_CONTROLLER), desired,
                maybe(() -> new ControllerTypes.ReplicationControllerState(r.nextInt(), null, null)), stringMap());
    }

    ServiceTypes.Service service() {
        return new ServiceTypes.Service(meta(V1beta1.SERVICE), integer(), string(), stringMap(), stringMap(),
                maybe(() -> Boolean.TRUE), stringList(), maybe(this::intOrString), string(), string());
    }

    MinionTypes.Minion minion() {
        return new MinionTypes.Minion(meta(V1beta1.MINION), string(),
                maybe(() -> new MinionTypes.NodeResources(capacity())), stringMap(),
                maybe(() -> new MinionTypes.NodeStatus(nonNullList(() -> new MinionTypes.NodeCondition(
                        oneOf(List.of("Ready", "Reachable")), maybe(() -> oneOf(List.of("Full", "None", "Unknown"))),
                        time(), time(), string(), string())))));
    }

    Map<String, Quantity> capacity() {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        for (String resource : List.of("cpu", "memory", "pods", word())) {
            if (r.nextBoolean()) {
                capacity.put(resource, ResourceAmounts.fromWire(resource, r.nextInt(5) == 0 ? 0 : positive()));
            }
        }
        return capacity;
    }

    EventTypes.Event event() {
        return new EventTypes.Event(meta(V1beta1.EVENT),
                maybe(() -> new EventTypes.ObjectReference(string(), string(), string(), string(), string(),
                        string(), string())),
                string(), string(), string(), string(), time());
    }

    StatusTypes.Status status() {
        return new StatusTypes.Status(TypeMeta.of(V1beta1.STATUS, revision()),
                maybe(() -> oneOf(List.of(StatusTypes.SUCCESS, StatusTypes.FAILURE, StatusTypes.WORKING))),
                string(), string(),
                maybe(() -> new StatusTypes.StatusDetails(string(), string(),
                        list(() -> new StatusTypes.StatusCause(string(), string(), string())))),
                integer());
    }

    Object podList() {
        return new PodTypes.PodList(TypeMeta.of(V1beta1.POD_LIST, revision()), list(this::pod));
    }

    Object replicationControllerList() {
        return new ControllerTypes.ReplicationControllerList(TypeMeta.of(V1beta1.REPLICATION_CONTROLLER_LIST,
                revision()), list(this::replicationController));
    }

    Object serviceList() {
        return new ServiceTypes.ServiceList(TypeMeta.of(V1beta1.SERVICE_LIST, revision()), list(this::service));
    }

    Object minionList() {
        return new MinionTypes.MinionList(TypeMeta.of(V1beta1.MINION_LIST, revision()), list(this::minion), null);
    }

    Object eventList() {
        return new EventTypes.EventList(TypeMeta.of(V1beta1.EVENT_LIST, revision()), list(this::event));
    }
}
