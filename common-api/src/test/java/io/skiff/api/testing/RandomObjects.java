package io.skiff.api.testing;

import io.skiff.api.autoscaling.Scale;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Binding;
import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.EndpointSubset;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
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
import io.skiff.api.core.ServiceStatus;
import io.skiff.api.core.Toleration;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random hub objects with every field filled or absent at random, nested lists and maps included:
 * the input of the round-trip properties. Values are what the wire can carry: Times at second
 * precision, MicroTimes at microseconds, quantities from their string syntax. Shared (test-jar)
 * so other versions' round-trip tests start from the same objects.
 */
public final class RandomObjects {
    /** Strings that trip up encoders: YAML keywords, numbers as text, quotes, non-ASCII. */
    private static final List<String> TRICKY = List.of("", "true", "false", "null", "~", "yes", "no", "on", "off",
            "123", "0x1F", "1e3", "-1", "0.5", ".5", "- a", ": b", "#c", "a: b", "'q'", "\"dq\"", "tab\there",
            "line\nbreak", " lead", "trail ", "ünïcödé ✓", "[x]", "{y}", "*ref", "&anchor", "!tag", "%p", "@at",
            "`tick`", "|", ">", "\\back", "2014-10-20T15:04:05Z");

    private final Random r;

    public RandomObjects(Random random) {
        this.r = random;
    }

    // ---- top-level kinds ------------------------------------------------------------------

    public Pod pod() {
        return new Pod(meta(), maybe(this::podSpec), maybe(this::podStatus));
    }

    public ReplicationController replicationController() {
        return new ReplicationController(meta(), maybe(() -> new ReplicationControllerSpec(integer(), integer(),
                stringMap(), maybe(() -> new PodTemplateSpec(meta(), maybe(this::podSpec))))),
                maybe(() -> new ReplicationControllerStatus(integer(), integer(), integer(), integer(), longValue(),
                        list(() -> new ReplicationControllerStatus.Condition(string(), string(), time(), string(),
                                string())))));
    }

    public Service service() {
        return new Service(meta(), maybe(() -> new ServiceSpec(list(() -> new ServicePort(string(), string(),
                integer(), intOrString(), integer())), stringMap(), string(), stringList(), string(), stringList(),
                string(), string(), string())),
                maybe(() -> new ServiceStatus(maybe(() -> new ServiceStatus.LoadBalancerStatus(
                        list(() -> new ServiceStatus.LoadBalancerIngress(string(), string())))))));
    }

    public Endpoints endpoints() {
        return new Endpoints(meta(), list(() -> new EndpointSubset(list(this::endpointAddress),
                list(this::endpointAddress),
                list(() -> new EndpointSubset.EndpointPort(string(), integer(), string())))));
    }

    public Node node() {
        return new Node(meta(),
                maybe(() -> new NodeSpec(string(), stringList(), string(), bool(),
                        list(() -> new NodeSpec.Taint(string(), string(), string(), time())))),
                maybe(() -> new NodeStatus(quantityMap(), quantityMap(),
                        list(() -> new NodeStatus.NodeCondition(string(), string(), time(), time(), string(),
                                string())),
                        list(() -> new NodeStatus.NodeAddress(string(), string())),
                        maybe(() -> new NodeStatus.NodeDaemonEndpoints(
                                maybe(() -> new NodeStatus.DaemonEndpoint(integer())))),
                        maybe(() -> new NodeStatus.NodeSystemInfo(string(), string(), string(), string(), string(),
                                string(), string(), string(), string(), string())),
                        list(() -> new NodeStatus.ContainerImage(stringList(), longValue())))));
    }

    public Event event() {
        return new Event(meta(), maybe(this::objectReference), string(), string(),
                maybe(() -> new Event.Source(string(), string())), time(), time(), integer(), string(), microTime(),
                string(), string(), string());
    }

    public Namespace namespace() {
        return new Namespace(meta(), maybe(() -> new Namespace.Spec(stringList())),
                maybe(() -> new Namespace.Status(string())));
    }

    public Binding binding() {
        return new Binding(meta(), maybe(this::objectReference));
    }

    public Lease lease() {
        return new Lease(meta(), maybe(() -> new Lease.Spec(string(), integer(), microTime(), microTime(),
                integer())));
    }

    public Scale scale() {
        return new Scale(meta(), maybe(() -> new Scale.Spec(integer())),
                maybe(() -> new Scale.Status(integer(), string())));
    }

    public Status status() {
        return new Status(maybe(this::listMeta), string(), string(), string(),
                maybe(() -> new StatusDetails(string(), string(), string(), string(),
                        list(() -> new StatusCause(string(), string(), string())), integer())),
                integer());
    }

    public DeleteOptions deleteOptions() {
        return new DeleteOptions(longValue(), maybe(() -> new DeleteOptions.Preconditions(string(), string())),
                bool(), string(), stringList());
    }

    public KubeList<Pod> podList() {
        List<Pod> items = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            items.add(pod());
        }
        return KubeList.of("v1", Pod.KIND, maybe(this::listMeta), items);
    }

    // ---- parts ----------------------------------------------------------------------------

    public ObjectMeta meta() {
        if (r.nextInt(10) == 0) {
            return null;
        }
        return new ObjectMeta(string(), string(), string(), string(), string(), longValue(), time(), time(),
                longValue(), stringMap(), stringMap(),
                list(() -> new OwnerReference(string(), string(), string(), string(), bool(), bool())),
                stringList());
    }

    public ListMeta listMeta() {
        return new ListMeta(string(), string(), longValue());
    }

    public PodSpec podSpec() {
        return new PodSpec(list(this::volume), list(this::container), string(), longValue(), longValue(), string(),
                stringMap(), string(), string(), bool(), string(), string(), string(),
                list(() -> new Toleration(string(), string(), string(), string(), longValue())), string(), integer(),
                bool(), string());
    }

    public Container container() {
        return new Container(string(), string(), stringList(), stringList(), string(),
                list(() -> new ContainerPort(string(), integer(), integer(), string(), string())),
                list(() -> new EnvVar(string(), string())),
                maybe(() -> new ResourceRequirements(quantityMap(), quantityMap())),
                list(() -> new VolumeMount(string(), bool(), string(), string())),
                maybe(this::probe), maybe(this::probe), string(), string(), string());
    }

    public Volume volume() {
        return new Volume(string(),
                maybe(() -> new Volume.HostPathVolumeSource(string(), string())),
                maybe(() -> new Volume.EmptyDirVolumeSource(string(), maybe(this::quantity))));
    }

    public Probe probe() {
        return new Probe(maybe(() -> new Probe.ExecAction(stringList())),
                maybe(() -> new Probe.HTTPGetAction(string(), maybe(this::intOrString), string(), string(),
                        list(() -> new Probe.HTTPHeader(string(), string())))),
                maybe(() -> new Probe.TCPSocketAction(maybe(this::intOrString), string())),
                integer(), integer(), integer(), integer(), integer());
    }

    public PodStatus podStatus() {
        return new PodStatus(string(),
                list(() -> new PodCondition(string(), string(), time(), time(), string(), string())),
                string(), string(), string(), string(), list(() -> new PodStatus.PodIP(string())), time(),
                list(() -> new ContainerStatus(string(), maybe(this::containerState), maybe(this::containerState),
                        bool(), integer(), string(), string(), string(), bool())),
                string());
    }

    public ContainerState containerState() {
        return new ContainerState(maybe(() -> new ContainerState.Waiting(string(), string())),
                maybe(() -> new ContainerState.Running(time())),
                maybe(() -> new ContainerState.Terminated(integer(), integer(), string(), string(), time(), time(),
                        string())));
    }

    public ObjectReference objectReference() {
        return new ObjectReference(string(), string(), string(), string(), string(), string(), string());
    }

    private EndpointSubset.EndpointAddress endpointAddress() {
        return new EndpointSubset.EndpointAddress(string(), string(), string(), maybe(this::objectReference));
    }

    // ---- scalars --------------------------------------------------------------------------

    public Quantity quantity() {
        String number = switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt(100_000));
            case 1 -> r.nextInt(1000) + "." + r.nextInt(1000);
            case 2 -> "-" + r.nextInt(5000);
            default -> "0." + (1 + r.nextInt(999));
        };
        String[] suffixes = {"", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
                "e3", "e-2", "E6"};
        return Quantity.parse(number + suffixes[r.nextInt(suffixes.length)]);
    }

    private IntOrString intOrString() {
        return r.nextBoolean() ? IntOrString.of(r.nextInt(70_000) - 100) : IntOrString.of(word());
    }

    private <T> T maybe(Supplier<T> value) {
        return r.nextInt(5) == 0 ? null : value.get();
    }

    private <T> List<T> list(Supplier<T> element) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        int n = r.nextInt(4);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    private List<String> stringList() {
        return list(this::word);
    }

    private Map<String, String> stringMap() {
        if (r.nextInt(5) == 0) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(word(), word());
        }
        return m;
    }

    private Map<String, Quantity> quantityMap() {
        if (r.nextInt(5) == 0) {
            return null;
        }
        Map<String, Quantity> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(word(), quantity());
        }
        return m;
    }

    private String string() {
        return r.nextInt(5) == 0 ? null : word();
    }

    private String word() {
        if (r.nextInt(4) == 0) {
            return TRICKY.get(r.nextInt(TRICKY.size()));
        }
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    private Integer integer() {
        return r.nextInt(5) == 0 ? null : r.nextInt();
    }

    private Long longValue() {
        return r.nextInt(5) == 0 ? null : r.nextLong();
    }

    private Boolean bool() {
        return r.nextInt(5) == 0 ? null : r.nextBoolean();
    }

    /** A metav1.Time: whole seconds, year 1970 to 2200. */
    private Instant time() {
        return r.nextInt(5) == 0 ? null : Instant.ofEpochSecond((long) (r.nextDouble() * 7_258_118_400L));
    }

    /** A metav1.MicroTime: microseconds. */
    private Instant microTime() {
        return r.nextInt(5) == 0 ? null
                : Instant.ofEpochSecond((long) (r.nextDouble() * 7_258_118_400L), r.nextInt(1_000_000) * 1000L)
                        .truncatedTo(ChronoUnit.MICROS);
    }
}
