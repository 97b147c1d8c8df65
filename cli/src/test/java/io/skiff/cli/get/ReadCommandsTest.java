package io.skiff.cli.get;

import static io.skiff.cli.testing.TableText.cells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.testing.CliRunner;
import io.skiff.cli.testing.Fixtures;
import io.skiff.client.ClientConfig;
import io.skiff.client.PatchType;
import io.skiff.client.SkiffClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get} and {@code describe} against a real apiserver: a namespace with a running pod, a
 * pending pod, a replication controller, a service and an event, and a node.
 */
@Timeout(120)
class ReadCommandsTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    @TempDir
    static Path home;

    static SkiffClient client;
    static CliRunner cli;
    static String ns;
    static String node;
    static String suite;

    @BeforeAll
    static void objects() {
        client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
        cli = CliRunner.against(api.url(), home);
        ns = Fixtures.freshNamespace(client);
        node = Fixtures.unique("node");
        suite = Fixtures.unique("s");
        Fixtures.create(client, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web-1, namespace: %1$s, labels: {app: web, suite: %3$s}}
                spec:
                  nodeName: %2$s
                  containers: [{name: web, image: busybox:latest, ports: [{containerPort: 8080}]}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db-1, namespace: %1$s, labels: {app: db}}
                spec:
                  containers: [{name: db, image: busybox:latest}]
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: web, namespace: %1$s}
                spec:
                  replicas: 3
                  selector: {app: web}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: %2$s, labels: {node-role.kubernetes.io/worker: ""}}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: web-1.scheduled, namespace: %1$s}
                involvedObject: {kind: Pod, namespace: %1$s, name: web-1}
                reason: Scheduled
                message: Successfully assigned %1$s/web-1 to %2$s
                type: Normal
                source: {component: default-scheduler}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: db-1.failed, namespace: %1$s}
                involvedObject: {kind: Pod, namespace: %1$s, name: db-1}
                reason: FailedScheduling
                message: no nodes available
                type: Warning
                source: {component: default-scheduler}
                """.formatted(ns, node, suite));
        // web-1 is running and ready: its status as a kubelet would write it.
        String now = java.time.Instant.now().toString();
        client.pods(ns).patchStatus("web-1", PatchType.MERGE, """
                {"status": {"phase": "Running", "podIP": "10.1.0.5", "hostIP": "192.168.0.9", "startTime": "%1$s",
                  "conditions": [{"type": "Ready", "status": "True"}],
                  "containerStatuses": [{"name": "web", "ready": true, "restartCount": 2, "image": "busybox:latest",
                    "state": {"running": {"startedAt": "%1$s"}}}]}}""".formatted(now));
        client.nodes().patchStatus(node, PatchType.MERGE, """
                {"status": {"conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady"}],
                  "addresses": [{"type": "InternalIP", "address": "192.168.0.9"}],
                  "nodeInfo": {"kubeletVersion": "v1.20.0-skiff", "osImage": "Debian", "kernelVersion": "6.1",
                    "containerRuntimeVersion": "docker://24.0"}}}""");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void getPodsPrintsKubectlsTable() {
        CliRunner.Result r = cli.run("get", "pods", "-n", ns);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cells(r.out())).containsExactly(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of("db-1", "0/1", "Pending", "0", "AGE"),
                List.of("web-1", "1/1", "Running", "2", "AGE"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void wideAddsIpAndNode() {
        CliRunner.Result r = cli.run("get", "pods", "web-1", "-n", ns, "-o", "wide");
        assertThat(cells(r.out())).containsExactly(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"),
                List.of("web-1", "1/1", "Running", "2", "AGE", "10.1.0.5", node, "<none>", "<none>"));
    }

    @Test
    void tablesOfEveryKind() {
        assertThat(cells(cli.run("get", "rc", "-n", ns).out())).containsExactly(
                List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"), List.of("web", "3", "0", "0", "AGE"));
        List<List<String>> svc = cells(cli.run("get", "svc", "web", "-n", ns, "-o", "wide").out());
        assertThat(svc.getFirst()).containsExactly("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE",
                "SELECTOR");
        assertThat(svc.get(1)).startsWith("web", "ClusterIP").contains("<none>", "80/TCP", "app=web");
        assertThat(cells(cli.run("get", "nodes", node).out())).containsExactly(
                List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"), List.of(node, "Ready", "worker", "AGE",
                        "v1.20.0-skiff"));
        assertThat(cells(cli.run("get", "ns", ns).out())).containsExactly(
                List.of("NAME", "STATUS", "AGE"), List.of(ns, "Active", "AGE"));
        List<List<String>> events = cells(cli.run("get", "events", "-n", ns, "--field-selector", "type=Normal").out());
        assertThat(events).containsExactly(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
                List.of("<unknown>", "Normal", "Scheduled", "pod/web-1", "Successfully assigned " + ns + "/web-1 to "
                        + node));
    }

    @Test
    void objectFormats() throws Exception {
        JsonNode one = Json.readTree(cli.run("get", "pod", "web-1", "-n", ns, "-o", "json").out());
        assertThat(one.path("kind").asText()).isEqualTo("Pod");
        assertThat(one.path("metadata").path("name").asText()).isEqualTo("web-1");
        String list = cli.run("get", "pods", "-n", ns, "-o", "json").out();
        assertThat(list).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n");
        assertThat(list).endsWith("    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\",\n"
                + "        \"selfLink\": \"\"\n    }\n}\n");
        assertThat(Json.readTree(list).path("items")).hasSize(2);
        assertThat(cli.run("get", "pod/web-1", "-n", ns, "-o", "yaml").out())
                .startsWith("apiVersion: v1\nkind: Pod\nmetadata:\n").contains("  name: web-1\n");
        assertThat(cli.run("get", "pods", "-n", ns, "-o", "name").out()).isEqualTo("pod/db-1\npod/web-1\n");
        assertThat(cli.run("get", "pods", "-n", ns, "-o", "jsonpath={.items[*].metadata.name}").out())
                .isEqualTo("db-1 web-1");
        assertThat(cli.run("get", "pods", "-n", ns,
                "-o", "jsonpath={range .items[*]}{.metadata.name}={.status.phase}{\"\\n\"}{end}").out())
                .isEqualTo("db-1=Pending\nweb-1=Running\n");
        assertThat(cli.run("get", "pod", "web-1", "-n", ns, "-o", "jsonpath={.spec.nodeName}").out()).isEqualTo(node);
        assertThat(cells(cli.run("get", "pods", "-n", ns, "-o",
                "custom-columns=NAME:.metadata.name,APP:.metadata.labels.app,IP:.status.podIP").out()))
                .containsExactly(List.of("NAME", "APP", "IP"), List.of("db-1", "db", "<none>"),
                        List.of("web-1", "web", "10.1.0.5"));
    }

    @Test
    void selectorsAllNamespacesLabelsAndHeaders() {
        assertThat(cli.run("get", "pods", "-n", ns, "-l", "app=web", "-o", "name").out()).isEqualTo("pod/web-1\n");
        assertThat(cli.run("get", "pods", "-n", ns, "-l", "app in (web,db),app!=web", "-o", "name").out())
                .isEqualTo("pod/db-1\n");
        assertThat(cli.run("get", "pods", "-n", ns, "--field-selector", "status.phase=Running", "-o", "name").out())
                .isEqualTo("pod/web-1\n");
        assertThat(cells(cli.run("get", "pods", "-A", "-l", "suite=" + suite).out())).containsExactly(
                List.of("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of(ns, "web-1", "1/1", "Running", "2", "AGE"));
        assertThat(cells(cli.run("get", "pods", "web-1", "-n", ns, "--show-labels").out())).containsExactly(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "LABELS"),
                List.of("web-1", "1/1", "Running", "2", "AGE", "app=web,suite=" + suite));
        assertThat(cells(cli.run("get", "pods", "-n", ns, "--no-headers").out())).containsExactly(
                List.of("db-1", "0/1", "Pending", "0", "AGE"), List.of("web-1", "1/1", "Running", "2", "AGE"));
    }

    @Test
    void severalTypesAndAll() {
        CliRunner.Result r = cli.run("get", "all", "-n", ns);
        String[] tables = r.out().split("\n\n");
        assertThat(tables).hasSize(3);
        assertThat(cells(tables[0])).extracting(row -> row.getFirst())
                .containsExactly("NAME", "pod/db-1", "pod/web-1");
        assertThat(cells(tables[1])).extracting(row -> row.getFirst())
                .containsExactly("NAME", "replicationcontroller/web");
        assertThat(cells(tables[2])).extracting(row -> row.getFirst()).containsExactly("NAME", "service/web");
        assertThat(cli.run("get", "rc/web", "svc/web", "-n", ns, "-o", "name").out())
                .isEqualTo("replicationcontroller/web\nservice/web\n");
    }

    @Test
    void missingNamesAreReportedAndTheRestPrinted() {
        CliRunner.Result r = cli.run("get", "pods", "web-1", "nope", "-n", ns, "-o", "name");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("pod/web-1\n");
        assertThat(r.err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");

        CliRunner.Result unknown = cli.run("get", "widgets");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("error: the server doesn't have a resource type \"widgets\"\n");

        String empty = Fixtures.freshNamespace(client);
        CliRunner.Result none = cli.run("get", "pods", "-n", empty);
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("No resources found in " + empty + " namespace.\n");
    }

    @Test
    void watchPrintsARowPerChange() throws Exception {
        String wns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.pod(wns, "w-1", Map.of("app", "w"))));
        CliRunner.Running watch = cli.start("get", "pods", "-n", wns, "-w", "--request-timeout=6s");
        await().atMost(Duration.ofSeconds(10)).until(() -> watch.out().contains("w-1"));
        client.pods(wns).patchStatus("w-1", PatchType.MERGE, "{\"status\":{\"phase\":\"Running\"}}");
        Fixtures.create(client, Json.toString(Fixtures.pod(wns, "w-2", Map.of("app", "w"))));
        client.pods(wns).delete("w-2");
        CliRunner.Result r = watch.await(Duration.ofSeconds(20));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cells(r.out())).containsExactly(
                List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of("w-1", "0/1", "Pending", "0", "AGE"),
                List.of("w-1", "0/1", "Running", "0", "AGE"),
                List.of("w-2", "0/1", "Pending", "0", "AGE"),
                List.of("w-2", "0/1", "Pending", "0", "AGE"));
    }

    @Test
    void describePodShowsSectionsAndOnlyItsOwnEvents() {
        CliRunner.Result r = cli.run("describe", "pod", "web-1", "-n", ns);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Name:         web-1\nNamespace:    " + ns + "\nPriority:     0\nNode:         "
                + node + "/192.168.0.9\nStart Time:   ");
        assertThat(r.out()).contains("\nLabels:       app=web\n              suite=" + suite + "\n")
                .contains("\nStatus:       Running\nIP:           10.1.0.5\n")
                .contains("\nContainers:\n  web:\n    Image:          busybox:latest\n")
                .contains("\n    Port:           8080/TCP\n    Host Port:      0/TCP\n")
                .contains("\n    State:          Running\n      Started:      ")
                .contains("\n    Ready:          True\n    Restart Count:  2\n")
                .contains("\nConditions:\n  Type           Status\n  Ready          True \nVolumes:         <none>\n"
                        + "QoS Class:       BestEffort\n");
        assertThat(r.out()).contains("\nEvents:\n  Type    Reason     Age        From               Message\n"
                + "  ----    ------     ----       ----               -------\n"
                + "  Normal  Scheduled  <unknown>  default-scheduler  Successfully assigned " + ns + "/web-1 to "
                + node + "\n");
        assertThat(r.out()).doesNotContain("FailedScheduling");
        assertThat(cli.run("describe", "pod", "db-1", "-n", ns).out()).contains("Warning  FailedScheduling")
                .doesNotContain("Scheduled  <unknown>");
    }

    @Test
    void describeOtherKinds() {
        String rc = cli.run("describe", "rc", "web", "-n", ns).out();
        assertThat(rc).startsWith("Name:         web\nNamespace:    " + ns + "\nSelector:     app=web\n")
                .contains("\nReplicas:     0 current / 3 desired\nPods Status:  1 Running / 0 Waiting / 0 Succeeded"
                        + " / 0 Failed\nPod Template:\n  Labels:  app=web\n  Containers:\n    web:\n")
                .endsWith("  Volumes:          <none>\nEvents:             <none>\n");
        String svc = cli.run("describe", "svc/web", "-n", ns).out();
        assertThat(svc).contains("Selector:          app=web\nType:              ClusterIP\n")
                .contains("Port:              <unset>  80/TCP\nTargetPort:        8080/TCP\nEndpoints:         <none>\n");
        String nodeText = cli.run("describe", "node", node).out();
        assertThat(nodeText).startsWith("Name:               " + node + "\nRoles:              worker\n")
                .contains("Unschedulable:      false\n").contains("  Ready   True    ")
                .contains("Non-terminated Pods:          (1 in total)\n  Namespace                   Name   Age\n");
        assertThat(cli.run("describe", "ns", ns).out()).isEqualTo("Name:         " + ns + "\nLabels:       <none>\n"
                + "Annotations:  <none>\nStatus:       Active\nEvents:       <none>\n");
        // A prefix that names no object exactly describes every object it starts.
        assertThat(cli.run("describe", "pods", "web", "-n", ns).out()).startsWith("Name:         web-1\n");
        CliRunner.Result missing = cli.run("describe", "pod", "zzz", "-n", ns);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error from server (NotFound): pods \"zzz\" not found\n");
    }
}
