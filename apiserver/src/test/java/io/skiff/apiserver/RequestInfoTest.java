package io.skiff.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestInfoTest {
    static Stream<Arguments> paths() {
        return Stream.of(
                // method, path, watch param, verb, group, namespace, resource, name, subresource
                Arguments.of("GET", "/api/v1/namespaces/ns/pods", false, "list", "", "ns", "pods", "", ""),
                Arguments.of("GET", "/api/v1/namespaces/ns/pods", true, "watch", "", "ns", "pods", "", ""),
                Arguments.of("GET", "/api/v1/namespaces/ns/pods/p", false, "get", "", "ns", "pods", "p", ""),
                Arguments.of("PUT", "/api/v1/namespaces/ns/pods/p/status", false, "update", "", "ns", "pods", "p", "status"),
                Arguments.of("POST", "/api/v1/namespaces/ns/pods/p/binding", false, "create", "", "ns", "pods", "p", "binding"),
                Arguments.of("DELETE", "/api/v1/namespaces/ns/pods", false, "deletecollection", "", "ns", "pods", "", ""),
                Arguments.of("GET", "/api/v1/pods", false, "list", "", "", "pods", "", ""),
                Arguments.of("GET", "/api/v1/watch/pods", false, "watch", "", "", "pods", "", ""),
                Arguments.of("GET", "/api/v1/watch/namespaces/ns/pods/p", false, "watch", "", "ns", "pods", "p", ""),
                Arguments.of("GET", "/api/v1/namespaces", false, "list", "", "", "namespaces", "", ""),
                Arguments.of("DELETE", "/api/v1/namespaces/ns", false, "delete", "", "ns", "namespaces", "ns", ""),
                Arguments.of("PUT", "/api/v1/namespaces/ns/status", false, "update", "", "ns", "namespaces", "ns", "status"),
                Arguments.of("PUT", "/api/v1/namespaces/ns/finalize", false, "update", "", "ns", "namespaces", "ns", "finalize"),
                Arguments.of("PATCH", "/api/v1/nodes/n1/status", false, "patch", "", "", "nodes", "n1", "status"),
                Arguments.of("GET", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1", false, "get",
                        "coordination.k8s.io", "kube-node-lease", "leases", "n1", ""),
                Arguments.of("GET", "/api/v1/namespaces/ns/pods/a%2Db", false, "get", "", "ns", "pods", "a-b", ""));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void parsesAsKubernetes(String method, String path, boolean watch, String verb, String group, String namespace,
            String resource, String name, String subresource) {
        RequestInfo info = RequestInfo.parse(method, path, watch);
        assertThat(info.resourceRequest()).isTrue();
        assertThat(info.verb()).isEqualTo(verb);
        assertThat(info.apiGroup()).isEqualTo(group);
        assertThat(info.namespace()).isEqualTo(namespace);
        assertThat(info.resource()).isEqualTo(resource);
        assertThat(info.name()).isEqualTo(name);
        assertThat(info.subresource()).isEqualTo(subresource);
    }

    @ParameterizedTest
    @MethodSource("nonResourcePaths")
    void otherPathsAreNotResourceRequests(String path) {
        RequestInfo info = RequestInfo.parse("GET", path, false);
        assertThat(info.resourceRequest()).isFalse();
        assertThat(info.verb()).isEqualTo("get");
    }

    static Stream<String> nonResourcePaths() {
        return Stream.of("/", "/api", "/api/v1", "/apis", "/apis/coordination.k8s.io/v1", "/healthz", "/version",
                "/openapi/v2", "/api/v1/namespaces/bad%zzescape");
    }
}
