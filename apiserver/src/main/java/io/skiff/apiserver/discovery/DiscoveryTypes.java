package io.skiff.apiserver.discovery;

import io.skiff.api.meta.ApiObject;
import java.util.List;

/** The wire types of Kubernetes discovery ({@code meta/v1}), as kubectl and client-go decode them. */
public final class DiscoveryTypes {
    private DiscoveryTypes() {}

    /** {@code /api}: the core group's versions, and where clients reach the server. */
    public record ApiVersions(String kind, String apiVersion, List<String> versions,
            List<ServerAddressByClientCidr> serverAddressByClientCIDRs) implements ApiObject {
        public ApiVersions(List<String> versions, List<ServerAddressByClientCidr> addresses) {
            this("APIVersions", "v1", versions, addresses);
        }
    }

    public record ServerAddressByClientCidr(String clientCIDR, String serverAddress) {}

    /** {@code /api/v1}, {@code /apis/<group>/<version>}: the resources of one group version. */
    public record ApiResourceList(String kind, String apiVersion, String groupVersion, List<ApiResource> resources)
            implements ApiObject {
        public ApiResourceList(String groupVersion, List<ApiResource> resources) {
            this("APIResourceList", "v1", groupVersion, resources);
        }
    }

    /**
     * One resource or subresource ({@code pods/status}). {@code group}/{@code version} only when
     * they differ from the list's (a scale subresource is autoscaling/v1); empty lists are absent.
     */
    public record ApiResource(String name, String singularName, boolean namespaced, String group, String version,
            String kind, List<String> verbs, List<String> shortNames, List<String> categories) {}

    /** {@code /apis}. */
    public record ApiGroupList(String kind, String apiVersion, List<ApiGroup> groups) implements ApiObject {
        public ApiGroupList(List<ApiGroup> groups) {
            this("APIGroupList", "v1", groups);
        }
    }

    /** {@code /apis/<group>}, and each entry of {@code /apis}. */
    public record ApiGroup(String kind, String apiVersion, String name, List<GroupVersion> versions,
            GroupVersion preferredVersion) implements ApiObject {
        public ApiGroup(String name, List<GroupVersion> versions) {
            this("APIGroup", "v1", name, versions, versions.get(0));
        }

        /** Inside an {@code APIGroupList} Kubernetes writes groups without kind and apiVersion. */
        ApiGroup bare() {
            return new ApiGroup(null, null, name, versions, preferredVersion);
        }
    }

    public record GroupVersion(String groupVersion, String version) {}

    /** {@code /version}: {@code version.Info}, read by {@code kubectl version} and client version-skew checks. */
    public record VersionInfo(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
            String buildDate, String goVersion, String compiler, String platform) {}
}
