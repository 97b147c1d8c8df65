package io.skiff.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Scheme;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Container;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.IntOrString;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.resource.Quantity;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaulting as Kubernetes v1 does it, written as manifests in and expected objects out. */
class DefaultsTest {
    private static final Scheme SCHEME = Scheme.defaultScheme();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("bare pod gets every pod and container default",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
                         "spec":{"containers":[{"name":"c","image":"busybox","ports":[{"containerPort":80}],
                           "livenessProbe":{"httpGet":{"port":80}},"readinessProbe":{"tcpSocket":{"port":80}}}]}}""",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default"},
                         "spec":{"containers":[{"name":"c","image":"busybox",
                           "ports":[{"containerPort":80,"protocol":"TCP"}],
                           "livenessProbe":{"httpGet":{"path":"/","port":80,"scheme":"HTTP"},
                             "timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
                           "readinessProbe":{"tcpSocket":{"port":80},
                             "timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
                           "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
                           "imagePullPolicy":"Always"}],
                          "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
                          "schedulerName":"default-scheduler"}}"""),
                Arguments.of("set pod fields are kept",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"prod"},
                         "spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":0,"dnsPolicy":"Default",
                          "schedulerName":"mine","containers":[{"name":"c","image":"busybox:latest",
                           "imagePullPolicy":"Never","terminationMessagePath":"/m","terminationMessagePolicy":"FallbackToLogsOnError",
                           "ports":[{"containerPort":53,"protocol":"UDP"}],
                           "livenessProbe":{"exec":{"command":["true"]},"timeoutSeconds":5,"periodSeconds":3,
                             "successThreshold":2,"failureThreshold":9}}]}}""",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"prod"},
                         "spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":0,"dnsPolicy":"Default",
                          "schedulerName":"mine","containers":[{"name":"c","image":"busybox:latest",
                           "imagePullPolicy":"Never","terminationMessagePath":"/m","terminationMessagePolicy":"FallbackToLogsOnError",
                           "ports":[{"containerPort":53,"protocol":"UDP"}],
                           "livenessProbe":{"exec":{"command":["true"]},"timeoutSeconds":5,"periodSeconds":3,
                             "successThreshold":2,"failureThreshold":9}}]}}"""),
                Arguments.of("host network publishes container ports; requests default to limits; bare volume is emptyDir",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"},
                         "spec":{"hostNetwork":true,"volumes":[{"name":"v"}],"containers":[{"name":"c","image":"b:1",
                           "ports":[{"containerPort":8080}],
                           "resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"100m"}}}]}}""",
                        """
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"},
                         "spec":{"hostNetwork":true,"volumes":[{"name":"v","emptyDir":{}}],
                          "containers":[{"name":"c","image":"b:1",
                           "ports":[{"containerPort":8080,"hostPort":8080,"protocol":"TCP"}],
                           "resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"100m","memory":"1Gi"}},
                           "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
                           "imagePullPolicy":"IfNotPresent"}],
                          "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
                          "schedulerName":"default-scheduler"}}"""),
                Arguments.of("rc takes replicas 1, selector and labels from its template, and template pod defaults",
                        """
                        {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"rc"},
                         "spec":{"template":{"metadata":{"labels":{"app":"web"}},
                           "spec":{"containers":[{"name":"c","image":"b:2"}]}}}}""",
                        """
                        {"apiVersion":"v1","kind":"ReplicationController",
                         "metadata":{"name":"rc","namespace":"default","labels":{"app":"web"}},
                         "spec":{"replicas":1,"selector":{"app":"web"},"template":{"metadata":{"labels":{"app":"web"}},
                           "spec":{"containers":[{"name":"c","image":"b:2",
                             "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
                             "imagePullPolicy":"IfNotPresent"}],
                            "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
                            "schedulerName":"default-scheduler"}}}}"""),
                Arguments.of("rc keeps its own selector, labels and zero replicas",
                        """
                        {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"rc","namespace":"x","labels":{"mine":"yes"}},
                         "spec":{"replicas":0,"selector":{"app":"web","tier":"fe"}}}""",
                        """
                        {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"rc","namespace":"x","labels":{"mine":"yes"}},
                         "spec":{"replicas":0,"selector":{"app":"web","tier":"fe"}}}"""),
                Arguments.of("service ports get TCP and targetPort = port; type ClusterIP; affinity None",
                        """
                        {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
                         "spec":{"selector":{"app":"web"},"ports":[{"port":80},{"port":443,"targetPort":"https","protocol":"SCTP"},
                           {"port":81,"targetPort":0},{"port":82,"targetPort":""}]}}""",
                        """
                        {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},
                         "spec":{"selector":{"app":"web"},"type":"ClusterIP","sessionAffinity":"None",
                          "ports":[{"port":80,"targetPort":80,"protocol":"TCP"},
                                   {"port":443,"targetPort":"https","protocol":"SCTP"},
                                   {"port":81,"targetPort":81,"protocol":"TCP"},
                                   {"port":82,"targetPort":82,"protocol":"TCP"}]}}"""),
                Arguments.of("endpoints ports get TCP",
                        """
                        {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"s","namespace":"a"},
                         "subsets":[{"addresses":[{"ip":"10.0.0.1"}],"ports":[{"port":80}]}]}""",
                        """
                        {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"s","namespace":"a"},
                         "subsets":[{"addresses":[{"ip":"10.0.0.1"}],"ports":[{"port":80,"protocol":"TCP"}]}]}"""),
                Arguments.of("namespace is Active and stays cluster-scoped",
                        """
                        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}""",
                        """
                        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"},"status":{"phase":"Active"}}"""),
                Arguments.of("terminating namespace keeps its phase",
                        """
                        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"t"},"status":{"phase":"Terminating"}}""",
                        """
                        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"t"},"status":{"phase":"Terminating"}}"""),
                Arguments.of("node allocatable defaults to capacity; no namespace",
                        """
                        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"status":{"capacity":{"cpu":"2","pods":"110"}}}""",
                        """
                        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},
                         "status":{"capacity":{"cpu":"2","pods":"110"},"allocatable":{"cpu":"2","pods":"110"}}}"""),
                Arguments.of("lease only gets its namespace",
                        """
                        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"},"spec":{"holderIdentity":"a"}}""",
                        """
                        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l","namespace":"default"},
                         "spec":{"holderIdentity":"a"}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaults(String name, String input, String expected) throws DecodeException {
        KubeObject in = (KubeObject) SCHEME.decode(input.getBytes());
        KubeObject want = (KubeObject) SCHEME.decode(expected.getBytes());

        KubeObject once = Defaults.apply(in);

        assertThat(once).isEqualTo(want);
        assertThat(Defaults.apply(once)).as("defaulting twice is defaulting once").isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox,                              Always",
        "busybox:latest,                       Always",
        "busybox:1.32,                         IfNotPresent",
        "localhost:5000/busybox,               Always",
        "localhost:5000/busybox:latest,        Always",
        "localhost:5000/team/busybox:v2,       IfNotPresent",
        "busybox@sha256:c5439d7db88ab5423999530349d327b04279ad3161d7596d2126dfb5b02bfd1f, IfNotPresent",
        "busybox:1.32@sha256:c5439d7db88ab5423999530349d327b04279ad3161d7596d2126dfb5b02bfd1f, IfNotPresent",
    })
    void imagePullPolicyFollowsTheTag(String image, String policy) {
        assertThat(Defaults.pullPolicyFor(image)).isEqualTo(policy);
        assertThat(Defaults.container(Container.of("c", image), false).imagePullPolicy()).isEqualTo(policy);
    }

    @Test
    void objectsWithoutMetadataOrSpecStillGetDefaults() {
        Pod pod = Defaults.apply(new Pod(null, null, null));
        ReplicationController rc = Defaults.apply(new ReplicationController(null, null, null));
        Service svc = Defaults.apply(new Service(null, null, null));
        Node node = Defaults.apply(new Node(null, null, null));

        assertThat(pod.namespace()).isEqualTo("default");
        assertThat(pod.spec().restartPolicy()).isEqualTo("Always");
        assertThat(rc.spec().replicas()).isEqualTo(1);
        assertThat(svc.spec().type()).isEqualTo("ClusterIP");
        assertThat(node.metadata()).isNull();
        assertThat(Defaults.apply(new Endpoints(null, null)).namespace()).isEqualTo("default");
        assertThat(Defaults.apply(new Lease(null, null)).namespace()).isEqualTo("default");
        assertThat(Defaults.apply(new Namespace(null, null, null)).status().phase()).isEqualTo("Active");
    }

    @Test
    void requestsFromLimitsKeepExplicitRequests() {
        var r = Defaults.resources(new io.skiff.api.core.ResourceRequirements(
                Map.of("cpu", Quantity.parse("2")), Map.of("cpu", Quantity.parse("1"))));

        assertThat(r.requests()).containsExactlyEntriesOf(Map.of("cpu", Quantity.parse("1")));
        assertThat(Defaults.servicePort(new io.skiff.api.core.ServicePort("p", null, 80, IntOrString.of("web"), null))
                .targetPort()).isEqualTo(IntOrString.of("web"));
    }
}
