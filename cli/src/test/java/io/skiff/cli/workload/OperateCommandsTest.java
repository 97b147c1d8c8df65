package io.skiff.cli.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.api.codec.Json;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.testing.CliRunner;
import io.skiff.cli.testing.Fixtures;
import io.skiff.client.ClientConfig;
import io.skiff.client.PatchType;
import io.skiff.client.SkiffClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * scale, logs, run, label, annotate, cordon, uncordon and drain against a real apiserver. No
 * controller or kubelet runs here: where one would act, the test writes the status itself.
 */
@Timeout(120)
class OperateCommandsTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    @TempDir
    static Path home;

    static SkiffClient client;
    static CliRunner cli;

    @BeforeAll
    static void connect() {
        client = new SkiffClient(ClientConfig.forServer(api.url().toString()));
        cli = CliRunner.against(api.url(), home);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** What the replication manager would write: replicas and ready replicas, for the latest generation. */
    static void status(String ns, int replicas, int ready) {
        long generation = client.replicationControllers(ns).get("web").metadata().generation();
        client.replicationControllers(ns).patchStatus("web", PatchType.MERGE, """
                {"status": {"replicas": %d, "readyReplicas": %d, "observedGeneration": %d}}"""
                .formatted(replicas, ready, generation));
    }

    @Test
    void scaleThroughTheScaleSubresource() {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.rc(ns, "web", 1, Map.of("app", "web"))));
        CliRunner.Result r = cli.run("scale", "rc/web", "--replicas=4", "-n", ns);
        assertThat(r.out()).as(r.toString()).isEqualTo("replicationcontroller/web scaled\n");
        assertThat(client.replicationControllers(ns).get("web").spec().replicas()).isEqualTo(4);
        assertThat(cli.run("scale", "rc", "web", "--replicas=2", "--current-replicas=3", "-n", ns).err())
                .isEqualTo("error: Expected replicas to be 3, was 4\n");
        assertThat(cli.run("scale", "rc", "web", "--replicas=2", "--current-replicas=4", "-n", ns).code()).isZero();
        assertThat(client.replicationControllers(ns).get("web").spec().replicas()).isEqualTo(2);
        assertThat(cli.run("scale", "pod/web", "--replicas=2", "-n", ns).err())
                .isEqualTo("error: cannot scale pods: only replicationcontrollers have a scale subresource here\n");
        assertThat(cli.run("scale", "rc/nope", "--replicas=2", "-n", ns).err())
                .startsWith("Error from server (NotFound): ");
    }

    @Test
    void scaleWaitPrintsALinePerChangeUntilReady() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.rc(ns, "web", 1, Map.of("app", "web"))));
        status(ns, 1, 1);
        CliRunner.Running scale = cli.start("scale", "rc/web", "--replicas=3", "--wait", "--timeout=60s", "-n", ns);
        await().atMost(Duration.ofSeconds(20)).until(() -> scale.out().contains("1/3 ready\n"));
        status(ns, 3, 1);
        status(ns, 3, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> scale.out().contains("2/3 ready\n"));
        status(ns, 3, 3);
        CliRunner.Result r = scale.await(Duration.ofSeconds(20));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("replicationcontroller/web scaled\n1/3 ready\n2/3 ready\n3/3 ready\n");
    }

    @Test
    void scaleWaitOnATerminalRewritesOneLine() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.rc(ns, "web", 1, Map.of("app", "web"))));
        CliRunner.Running scale = cli.withTty(true).start("scale", "rc/web", "--replicas=2", "--wait", "-n", ns);
        await().atMost(Duration.ofSeconds(20)).until(() -> scale.out().contains("0/2 ready"));
        status(ns, 2, 2);
        CliRunner.Result r = scale.await(Duration.ofSeconds(20));
        assertThat(r.out()).isEqualTo("replicationcontroller/web scaled\n\r0/2 ready\u001b[K\r2/2 ready\u001b[K\n");

        CliRunner.Result timeout = cli.run("scale", "rc/web", "--replicas=5", "--wait", "--timeout=1s", "-n", ns);
        assertThat(timeout.code()).isEqualTo(1);
        assertThat(timeout.out()).isEqualTo("replicationcontroller/web scaled\n2/5 ready\n");
        assertThat(timeout.err()).isEqualTo("error: timed out waiting for replicationcontroller/web: 2/5 ready\n");
    }

    @Test
    void logsWithoutAKubeletSayWhy() {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, """
                apiVersion: v1
                kind: Pod
                metadata: {name: bound, namespace: %1$s}
                spec: {nodeName: node-x, containers: [{name: main, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: %1$s}
                spec: {containers: [{name: main, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: two, namespace: %1$s}
                spec: {nodeName: node-x, containers: [{name: a, image: busybox:latest}, {name: b, image: busybox:latest}]}
                """.formatted(ns));
        CliRunner.Result bound = cli.run("logs", "bound", "-n", ns, "--tail", "5");
        assertThat(bound.code()).isEqualTo(1);
        assertThat(bound.err().lines()).hasSize(1);
        assertThat(bound.err()).satisfiesAnyOf(
                e -> assertThat(e).startsWith("error: the apiserver could not fetch the log of container main in pod"
                        + " bound from node node-x: "),
                e -> assertThat(e).startsWith("Error from server (").contains("node-x"));
        assertThat(cli.run("logs", "pending", "-n", ns).err()).startsWith("error: pod pending is not scheduled to a node"
                + " yet: container main has not started and has no logs");
        assertThat(cli.run("logs", "two", "-n", ns).err())
                .isEqualTo("error: a container name must be specified for pod two, choose one of: [a b]\n");
        assertThat(cli.run("logs", "two", "-c", "c", "-n", ns).err()).isEqualTo("error: container c is not valid for pod two\n");
        assertThat(cli.run("logs", "nope", "-n", ns).err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    }

    @Test
    void runMakesAPodOrAController() {
        String ns = Fixtures.freshNamespace(client);
        CliRunner.Result rc = cli.run("run", "web", "--image=busybox:latest", "--replicas=2", "--port=8080", "-n", ns,
                "--", "httpd", "-f", "-p", "8080");
        assertThat(rc.out()).as(rc.toString()).isEqualTo("replicationcontroller/web created\n");
        ReplicationController made = client.replicationControllers(ns).get("web");
        assertThat(made.spec().replicas()).isEqualTo(2);
        assertThat(made.spec().selector()).isEqualTo(Map.of("run", "web"));
        var container = made.spec().template().spec().containers().getFirst();
        assertThat(container.name()).isEqualTo("web");
        assertThat(container.args()).containsExactly("httpd", "-f", "-p", "8080");
        assertThat(container.ports().getFirst().containerPort()).isEqualTo(8080);

        CliRunner.Result pod = cli.run("run", "once", "--image=busybox:latest", "--restart=Never", "--labels=job=x",
                "--env=GREETING=hi", "-n", ns, "--command", "--", "sh", "-c", "echo $GREETING");
        assertThat(pod.out()).isEqualTo("pod/once created\n");
        Pod once = client.pods(ns).get("once");
        assertThat(once.metadata().labels()).isEqualTo(Map.of("job", "x"));
        assertThat(once.spec().restartPolicy()).isEqualTo("Never");
        assertThat(once.spec().containers().getFirst().command()).containsExactly("sh", "-c", "echo $GREETING");
        assertThat(once.spec().containers().getFirst().env().getFirst().value()).isEqualTo("hi");

        assertThat(cli.run("run", "bad", "--image=busybox", "--replicas=1", "--restart=Never", "-n", ns).err())
                .isEqualTo("error: --restart=Never is not valid for a replication controller: its pods restart Always\n");
        assertThat(cli.run("run", "once", "--image=busybox", "-n", ns).err())
                .isEqualTo("Error from server (AlreadyExists): pods \"once\" already exists\n");
    }

    @Test
    void labelAndAnnotate() {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.pod(ns, "p", Map.of("app", "p"))));
        assertThat(cli.run("label", "pods", "p", "tier=front", "-n", ns).out()).isEqualTo("pod/p labeled\n");
        assertThat(cli.run("label", "pod/p", "tier=front", "-n", ns).out()).isEqualTo("pod/p not labeled\n");
        CliRunner.Result clash = cli.run("label", "pods", "p", "tier=back", "-n", ns);
        assertThat(clash.code()).isEqualTo(1);
        assertThat(clash.err()).isEqualTo("error: 'tier' already has a value (front), and --overwrite is false\n");
        assertThat(cli.run("label", "pods", "p", "tier=back", "--overwrite", "-n", ns).out()).isEqualTo("pod/p labeled\n");
        assertThat(client.pods(ns).get("p").metadata().labels()).isEqualTo(Map.of("app", "p", "tier", "back"));
        assertThat(cli.run("label", "pods", "p", "tier-", "-n", ns).out()).isEqualTo("pod/p labeled\n");
        assertThat(client.pods(ns).get("p").metadata().labels()).isEqualTo(Map.of("app", "p"));
        assertThat(cli.run("label", "pods", "p", "bad key=x", "-n", ns).err()).startsWith("The Pod \"p\" is invalid: ");

        assertThat(cli.run("annotate", "pods", "-l", "app=p", "note=hello world", "-n", ns).out())
                .isEqualTo("pod/p annotated\n");
        assertThat(client.pods(ns).get("p").metadata().annotations()).isEqualTo(Map.of("note", "hello world"));
        assertThat(cli.run("annotate", "pods", "p", "note-", "-n", ns).out()).isEqualTo("pod/p annotated\n");
        assertThat(client.pods(ns).get("p").metadata().annotations()).isNullOrEmpty();
        assertThat(cli.run("annotate", "pods", "p", "-n", ns).err())
                .isEqualTo("error: at least one annotation update is required\n");
    }

    @Test
    void cordonUncordonAndDrain() {
        String ns = Fixtures.freshNamespace(client);
        String node = Fixtures.unique("node");
        Fixtures.create(client, """
                apiVersion: v1
                kind: Node
                metadata: {name: %2$s}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: managed
                  namespace: %1$s
                  ownerReferences: [{apiVersion: v1, kind: ReplicationController, name: web, uid: 11111111-1111-1111-1111-111111111111, controller: true}]
                spec: {nodeName: %2$s, containers: [{name: main, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: loner, namespace: %1$s}
                spec: {nodeName: %2$s, containers: [{name: main, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: daemon
                  namespace: %1$s
                  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: 22222222-2222-2222-2222-222222222222, controller: true}]
                spec: {nodeName: %2$s, containers: [{name: main, image: busybox:latest}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: elsewhere, namespace: %1$s}
                spec: {nodeName: other-node, containers: [{name: main, image: busybox:latest}]}
                """.formatted(ns, node));
        assertThat(cli.run("cordon", node).out()).isEqualTo("node/" + node + " cordoned\n");
        assertThat(client.nodes().get(node).spec().unschedulable()).isTrue();
        assertThat(cli.run("cordon", node).out()).isEqualTo("node/" + node + " already cordoned\n");

        CliRunner.Result refused = cli.run("drain", node);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot delete Pods not managed by ReplicationController, ReplicaSet, Job,"
                + " DaemonSet or StatefulSet (use --force to override): " + ns + "/loner")
                .contains("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + ns + "/daemon");
        assertThat(client.pods(ns).list().items()).hasSize(4);

        CliRunner.Result drained = cli.run("drain", node, "--force", "--ignore-daemonsets", "--grace-period=0",
                "--timeout=30s");
        assertThat(drained.code()).as(drained.toString()).isZero();
        assertThat(drained.out()).isEqualTo("node/" + node + " already cordoned\n"
                + "evicting pod " + ns + "/loner\nevicting pod " + ns + "/managed\n"
                + "pod/loner evicted\npod/managed evicted\nnode/" + node + " drained\n");
        assertThat(drained.err()).isEqualTo("WARNING: deleting Pods not managed by ReplicationController, ReplicaSet,"
                + " Job, DaemonSet or StatefulSet: " + ns + "/loner; ignoring DaemonSet-managed Pods: " + ns + "/daemon\n");
        assertThat(client.pods(ns).list().items()).extracting(Pod::name).containsExactlyInAnyOrder("daemon", "elsewhere");

        assertThat(cli.run("uncordon", node).out()).isEqualTo("node/" + node + " uncordoned\n");
        assertThat(client.nodes().get(node).spec().unschedulable()).isNull();
        assertThat(cli.run("uncordon", "nope-node").err()).isEqualTo("Error from server (NotFound): nodes \"nope-node\" not found\n");
    }
}
