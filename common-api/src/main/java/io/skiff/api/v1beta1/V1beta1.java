package io.skiff.api.v1beta1;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.codec.VersionConverter;
import io.skiff.api.core.Event;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code v1beta1} version: decodes 2014 JSON into hub objects and encodes hub objects as
 * Kubernetes v0.5 served them. Kinds: Pod, ReplicationController, Service, Minion (the hub's
 * Node), Event, Status and the lists of the first five. See the package documentation for how
 * each field converts and what the hub has that v1beta1 cannot say.
 *
 * <pre>{@code
 * Scheme scheme = Scheme.defaultScheme();                  // v1 family and v1beta1
 * Pod pod = scheme.decode(body, Pod.class);                // a v1beta1 body, by its apiVersion
 * Pod same = (Pod) scheme.decode(Json.readTree(body), V1beta1.API_VERSION, V1beta1.POD); // no apiVersion in body
 * byte[] out = scheme.encode(pod, V1beta1.API_VERSION);    // {"kind":"Pod","id":...,"desiredState":...}
 * String kind = V1beta1.kindOf(Node.KIND);                 // "Minion"
 * }</pre>
 */
public final class V1beta1 implements VersionConverter {
    public static final String API_VERSION = "v1beta1";
    public static final String POD = "Pod";
    public static final String REPLICATION_CONTROLLER = "ReplicationController";
    public static final String SERVICE = "Service";
    public static final String MINION = "Minion";
    public static final String EVENT = "Event";
    public static final String STATUS = "Status";
    public static final String POD_LIST = "PodList";
    public static final String REPLICATION_CONTROLLER_LIST = "ReplicationControllerList";
    public static final String SERVICE_LIST = "ServiceList";
    public static final String MINION_LIST = "MinionList";
    public static final String EVENT_LIST = "EventList";

    private static final V1beta1 INSTANCE = new V1beta1();
    /** Kinds a v1beta1 body may name. */
    private static final Set<String> WIRE_KINDS = Set.of(POD, REPLICATION_CONTROLLER, SERVICE, MINION, EVENT,
            STATUS, POD_LIST, REPLICATION_CONTROLLER_LIST, SERVICE_LIST, MINION_LIST, EVENT_LIST);
    /**
     * Also listed, so the scheme lets hub Nodes be encoded here (as Minions); a body that says
     * Node is refused by {@link #toHub}.
     */
    private static final Set<String> KINDS;

    static {
        List<String> all = new ArrayList<>(WIRE_KINDS);
        all.add(Node.KIND);
        all.add(KubeList.listKind(Node.KIND));
        KINDS = Set.copyOf(all);
    }

    private V1beta1() {}

    public static V1beta1 converter() {
        return INSTANCE;
    }

    /** Adds v1beta1 to a scheme under construction. */
    public static Scheme.Builder register(Scheme.Builder builder) {
        return builder.version(INSTANCE);
    }

    /** The v1beta1 name of a hub kind: Node is Minion (NodeList is MinionList); the rest are the same. */
    public static String kindOf(String hubKind) {
        return switch (hubKind) {
            case Node.KIND -> MINION;
            case "NodeList" -> MINION_LIST;
            default -> hubKind;
        };
    }

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public ApiObject toHub(String kind, JsonNode node) throws DecodeException {
        return switch (kind) {
            case POD -> PodConversion.toHub(bind(node, PodTypes.Pod.class));
            case REPLICATION_CONTROLLER -> ControllerConversion.toHub(
                    bind(node, ControllerTypes.ReplicationController.class));
            case SERVICE -> ServiceConversion.toHub(bind(node, ServiceTypes.Service.class));
            case MINION -> MinionConversion.toHub(bind(node, MinionTypes.Minion.class));
            case EVENT -> EventConversion.toHub(bind(node, EventTypes.Event.class));
            case STATUS -> StatusConversion.toHub(bind(node, StatusTypes.Status.class));
            case POD_LIST -> {
                PodTypes.PodList l = bind(node, PodTypes.PodList.class);
                yield listToHub(l.meta(), l.items(), POD, Pod.KIND, PodTypes.Pod::meta, PodConversion::toHub);
            }
            case REPLICATION_CONTROLLER_LIST -> {
                ControllerTypes.ReplicationControllerList l =
                        bind(node, ControllerTypes.ReplicationControllerList.class);
                yield listToHub(l.meta(), l.items(), REPLICATION_CONTROLLER, ReplicationController.KIND,
                        ControllerTypes.ReplicationController::meta, ControllerConversion::toHub);
            }
            case SERVICE_LIST -> {
                ServiceTypes.ServiceList l = bind(node, ServiceTypes.ServiceList.class);
                yield listToHub(l.meta(), l.items(), SERVICE, Service.KIND, ServiceTypes.Service::meta,
                        ServiceConversion::toHub);
            }
            case EVENT_LIST -> {
                EventTypes.EventList l = bind(node, EventTypes.EventList.class);
                yield listToHub(l.meta(), l.items(), EVENT, Event.KIND, EventTypes.Event::meta,
                        EventConversion::toHub);
            }
            case MINION_LIST -> {
                // "minions" was the earlier name of "items".
                MinionTypes.MinionList l = bind(node, MinionTypes.MinionList.class);
                yield listToHub(l.meta(), l.items() != null ? l.items() : l.minions(), MINION, Node.KIND,
                        MinionTypes.Minion::meta, MinionConversion::toHub);
            }
            default -> throw new DecodeException(Node.KIND.equals(kind) || "NodeList".equals(kind)
                    ? "no kind \"" + kind + "\" in version \"v1beta1\": nodes are kind \"" + kindOf(kind) + "\" there"
                    : "no kind \"" + kind + "\" is registered for version \"" + API_VERSION + "\"");
        };
    }

    @Override
    public JsonNode fromHub(ApiObject obj) {
        return Json.toTree(wire(obj));
    }

    @Override
    public byte[] encode(ApiObject obj) {
        return Json.toBytes(wire(obj));
    }

    /** The v1beta1 record of a hub object; throws IllegalArgumentException for kinds v1beta1 lacks. */
    Object wire(ApiObject obj) {
        return switch (obj) {
            case Pod p -> PodConversion.fromHub(p);
            case ReplicationController rc -> ControllerConversion.fromHub(rc);
            case Service s -> ServiceConversion.fromHub(s);
            case Node n -> MinionConversion.fromHub(n);
            case Event e -> EventConversion.fromHub(e);
            case Status s -> StatusConversion.fromHub(s);
            case KubeList<?> list -> listFromHub(list);
            default -> throw notServed(obj.kind());
        };
    }

    private static Object listFromHub(KubeList<?> list) {
        TypeMeta meta = MetaConversion.listMetaFromHub(kindOf(list.kind()), list.metadata());
        return switch (list.itemKind()) {
            case Pod.KIND -> new PodTypes.PodList(meta, items(list, Pod.class, PodConversion::fromHub));
            case ReplicationController.KIND -> new ControllerTypes.ReplicationControllerList(meta,
                    items(list, ReplicationController.class, ControllerConversion::fromHub));
            case Service.KIND -> new ServiceTypes.ServiceList(meta,
                    items(list, Service.class, ServiceConversion::fromHub));
            case Event.KIND -> new EventTypes.EventList(meta, items(list, Event.class, EventConversion::fromHub));
            case Node.KIND -> new MinionTypes.MinionList(meta, items(list, Node.class, MinionConversion::fromHub),
                    null);
            default -> throw notServed(list.kind());
        };
    }

    private static <H, W> List<W> items(KubeList<?> list, Class<H> type, Function<H, W> convert) {
        if (list.items() == null) {
            return null;
        }
        List<W> out = new ArrayList<>(list.items().size());
        for (Object item : list.items()) {
            if (!type.isInstance(item)) {
                throw new IllegalArgumentException("a " + list.kind() + " holds a "
                        + (item == null ? "null" : ((ApiObject) item).kind()));
            }
            out.add(convert.apply(type.cast(item)));
        }
        return out;
    }

    @FunctionalInterface
    private interface Decoder<W, H> {
        H toHub(W wire) throws DecodeException;
    }

    /** Items may omit kind and apiVersion; when they state a kind it must be the list's. */
    private static <W, H extends KubeObject> KubeList<H> listToHub(TypeMeta listMeta, List<W> items,
            String itemKind, String hubItemKind, Function<W, TypeMeta> meta, Decoder<W, H> convert)
            throws DecodeException {
        List<H> out = null;
        if (items != null) {
            out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                W item = items.get(i);
                if (item == null) {
                    throw new DecodeException("items[" + i + "]: expected an object, got null");
                }
                String kind = meta.apply(item).kind();
                if (kind != null && !kind.isEmpty() && !kind.equals(itemKind)) {
                    throw new DecodeException("items[" + i + "].kind: \"" + kind + "\" in a list of " + itemKind);
                }
                try {
                    out.add(convert.toHub(item));
                } catch (DecodeException e) {
                    throw new DecodeException("items[" + i + "]." + e.getMessage());
                }
            }
        }
        // Hub lists carry the hub's own (v1) apiVersion and kind: v1beta1 only changes the wire.
        return KubeList.of(Pod.API_VERSION, hubItemKind, MetaConversion.listMetaToHub(listMeta), out);
    }

    /**
     * Binds a body; the top-level fields (and those of list items) are bound on their own first:
     * Jackson reads them through {@code @JsonUnwrapped}, whose errors lose what was found instead.
     */
    private static <T> T bind(JsonNode node, Class<T> type) throws DecodeException {
        Json.fromTree(node, TypeMeta.class);
        for (String field : List.of("items", "minions")) {
            JsonNode items = node.path(field);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isObject()) {
                    try {
                        Json.fromTree(items.get(i), TypeMeta.class);
                    } catch (DecodeException e) {
                        throw new DecodeException(field + "[" + i + "]." + e.getMessage());
                    }
                }
            }
        }
        return Json.fromTree(node, type);
    }

    private static IllegalArgumentException notServed(String kind) {
        return new IllegalArgumentException(
                "no kind \"" + kind + "\" is registered for version \"" + API_VERSION + "\"");
    }
}
