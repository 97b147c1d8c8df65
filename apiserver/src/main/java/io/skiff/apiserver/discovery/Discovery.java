package io.skiff.apiserver.discovery;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.SkiffVersion;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.RouteRegistrar;
import io.skiff.apiserver.discovery.DiscoveryTypes.ApiGroup;
import io.skiff.apiserver.discovery.DiscoveryTypes.ApiGroupList;
import io.skiff.apiserver.discovery.DiscoveryTypes.ApiResource;
import io.skiff.apiserver.discovery.DiscoveryTypes.ApiResourceList;
import io.skiff.apiserver.discovery.DiscoveryTypes.ApiVersions;
import io.skiff.apiserver.discovery.DiscoveryTypes.GroupVersion;
import io.skiff.apiserver.discovery.DiscoveryTypes.ServerAddressByClientCidr;
import io.skiff.apiserver.discovery.DiscoveryTypes.VersionInfo;
import io.skiff.apiserver.registry.Registry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Discovery as Kubernetes serves it — {@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/<group>}, {@code /apis/<group>/<version>} and {@code /version} — built from the
 * Scheme's resource table for the group versions that have registries, so what kubectl
 * discovers is exactly what the server serves.
 */
public final class Discovery implements RouteRegistrar {
    /**
     * {@code kubectl get all}: the kinds Kubernetes puts in category "all" among those Skiff
     * serves. Kubernetes declares categories on each REST storage, as this declares them on the server.
     */
    private static final Map<String, List<String>> CATEGORIES =
            Map.of("pods", List.of("all"), "replicationcontrollers", List.of("all"), "services", List.of("all"));
    private static final String JSON = "application/json";

    @Override
    public void register(JavalinDefaultRouting routes, ApiServer server) {
        Map<String, ApiResourceList> lists = resourceLists(server.scheme(), servedGroupVersions(server));
        ApiGroupList groups = groups(lists.keySet());
        List<String> coreVersions = lists.keySet().stream().filter(gv -> !gv.contains("/")).toList();
        byte[] version = Json.toBytes(version());
        routes.get("/api", ctx -> write(ctx, Json.toBytes(new ApiVersions(coreVersions, addresses(ctx)))));
        routes.get("/apis", ctx -> write(ctx, Json.toBytes(new ApiGroupList(
                groups.groups().stream().map(ApiGroup::bare).toList()))));
        routes.get("/version", ctx -> write(ctx, version));
        for (Map.Entry<String, ApiResourceList> e : lists.entrySet()) {
            byte[] body = Json.toBytes(e.getValue());
            routes.get(path(e.getKey()), ctx -> write(ctx, body));
        }
        for (ApiGroup group : groups.groups()) {
            byte[] body = Json.toBytes(group);
            routes.get("/apis/" + group.name(), ctx -> write(ctx, body));
        }
    }

    /** {@code v1}, {@code coordination.k8s.io/v1}: the group versions the server has registries for. */
    public static Set<String> servedGroupVersions(ApiServer server) {
        Set<String> out = new LinkedHashSet<>();
        for (Registry<?> r : server.registries().all()) {
            out.add(r.resource().apiVersion());
        }
        return out;
    }

    /** One APIResourceList per served group version, resources and subresources sorted by name. */
    static Map<String, ApiResourceList> resourceLists(Scheme scheme, Set<String> served) {
        Map<String, List<ApiResource>> byGroupVersion = new LinkedHashMap<>();
        served.forEach(gv -> byGroupVersion.put(gv, new ArrayList<>()));
        for (ResourceInfo r : scheme.resources()) {
            List<ApiResource> list = byGroupVersion.get(r.apiVersion());
            if (list == null) {
                continue;
            }
            list.add(new ApiResource(r.plural(), r.singular(), r.namespaced(), null, null, r.kind(), r.verbs(),
                    emptyToNull(r.shortNames()), CATEGORIES.get(r.plural())));
            for (ResourceInfo.Subresource s : r.subresources()) {
                boolean foreign = !s.group().equals(r.group()) || !s.version().equals(r.version());
                list.add(new ApiResource(r.plural() + "/" + s.name(), "", r.namespaced(), foreign ? s.group() : null,
                        foreign ? s.version() : null, s.kind(), s.verbs(), null, null));
            }
        }
        Map<String, ApiResourceList> out = new LinkedHashMap<>();
        byGroupVersion.forEach((gv, list) -> {
            list.sort(Comparator.comparing(ApiResource::name));
            out.put(gv, new ApiResourceList(gv, List.copyOf(list)));
        });
        return out;
    }

    static ApiGroupList groups(Set<String> groupVersions) {
        Map<String, List<GroupVersion>> byGroup = new LinkedHashMap<>();
        for (String gv : groupVersions) {
            int slash = gv.indexOf('/');
            if (slash > 0) {
                byGroup.computeIfAbsent(gv.substring(0, slash), g -> new ArrayList<>())
                        .add(new GroupVersion(gv, gv.substring(slash + 1)));
            }
        }
        List<ApiGroup> groups = new ArrayList<>();
        byGroup.forEach((name, versions) -> groups.add(new ApiGroup(name, List.copyOf(versions))));
        return new ApiGroupList(List.copyOf(groups));
    }

    /**
     * {@code /version}: Kubernetes' shape, with the Kubernetes version whose API Skiff speaks
     * (clients compare it to their own) and Skiff's own version as the pre-release part.
     */
    static VersionInfo version() {
        String k8s = SkiffVersion.KUBERNETES_COMPAT; // v1.20.0
        String[] parts = k8s.substring(1).split("\\.");
        return new VersionInfo(parts[0], parts[1], k8s + "-skiff." + SkiffVersion.version(), "", "", "",
                "java" + Runtime.version().feature(), "javac", platform());
    }

    /** {@code linux/amd64}, as Go names operating systems and architectures. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        String goArch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
        String goOs = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os.split(" ")[0];
        return goOs + "/" + goArch;
    }

    /** Where the client reached this server: the local address of its connection. */
    private static List<ServerAddressByClientCidr> addresses(Context ctx) {
        String host = ctx.req().getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return List.of(new ServerAddressByClientCidr("0.0.0.0/0", host + ":" + ctx.req().getLocalPort()));
    }

    private static String path(String groupVersion) {
        return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
    }

    private static void write(Context ctx, byte[] body) {
        ctx.contentType(JSON).result(body);
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }
}
