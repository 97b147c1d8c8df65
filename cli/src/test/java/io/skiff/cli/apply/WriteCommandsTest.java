package io.skiff.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Json;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.testing.CliRunner;
import io.skiff.cli.testing.Fixtures;
import io.skiff.client.ClientConfig;
import io.skiff.client.SkiffClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** apply, create, replace and delete against a real apiserver, each test in a namespace of its own. */
@Timeout(120)
class WriteCommandsTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    @TempDir
    static Path home;

    @TempDir
    Path dir;

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

    static String rcYaml(String ns, int replicas, String extraLabel, String image) {
        return """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                  namespace: %s
                  labels: {app: web%s}
                spec:
                  replicas: %d
                  selector: {app: web}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: %s
                        ports: [{containerPort: 8080}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """.formatted(ns, extraLabel == null ? "" : ", " + extraLabel, replicas, image);
    }

    @Test
    void applyCreatesConfiguresAndLeavesUnchanged() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Path file = Files.writeString(dir.resolve("web.yaml"), rcYaml(ns, 2, "tier: front", "busybox:latest"));

        CliRunner.Result first = cli.run("apply", "-f", file.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("replicationcontroller/web created\nservice/web created\n");
        ReplicationController created = client.replicationControllers(ns).get("web");
        String lastApplied = created.metadata().annotations().get(LastApplied.ANNOTATION);
        assertThat(lastApplied).endsWith("}\n").startsWith("{\"apiVersion\":\"v1\",\"kind\":\"ReplicationController\","
                + "\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"tier\":\"front\"},\"name\":\"web\","
                + "\"namespace\":\"" + ns + "\"},\"spec\":");

        assertThat(cli.run("apply", "-f", file.toString()).out())
                .isEqualTo("replicationcontroller/web unchanged\nservice/web unchanged\n");

        // Someone else scales it: apply leaves fields the file does not own alone only if the file
        // does not set them; here it does, so it sets replicas back, and the dropped label goes.
        client.replicationControllers(ns).scale("web", 7);
        Files.writeString(file, rcYaml(ns, 2, null, "busybox:1.36"));
        CliRunner.Result third = cli.run("apply", "-f", file.toString());
        assertThat(third.out()).isEqualTo("replicationcontroller/web configured\nservice/web unchanged\n");
        ReplicationController after = client.replicationControllers(ns).get("web");
        assertThat(after.metadata().labels()).isEqualTo(Map.of("app", "web"));
        assertThat(after.spec().replicas()).isEqualTo(2);
        assertThat(after.spec().template().spec().containers().getFirst().image()).isEqualTo("busybox:1.36");
        // The server's defaults for fields the file never set are kept.
        assertThat(after.spec().template().spec().restartPolicy()).isEqualTo("Always");
    }

    @Test
    void applyKeepsWhatOthersSetAndRemovesWhatTheFileDropped() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        // An RC, not a pod: Kubernetes lets a pod's spec change only its images, a template anything.
        String v1 = """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                  labels: {app: web, owner: file}
                  annotations: {note: "from the file"}
                spec:
                  replicas: 0
                  selector: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: a
                        image: busybox:latest
                        env: [{name: A, value: "1"}, {name: B, value: "2"}]
                """;
        assertThat(cli.withStdin(v1).run("apply", "-n", ns, "-f", "-").out())
                .isEqualTo("replicationcontroller/web created\n");
        // Another writer adds a label of its own.
        client.replicationControllers(ns).updateWithRetry("web", rc -> rc.withMetadata(rc.metadata().withLabels(
                Map.of("app", "web", "owner", "file", "team", "blue"))));
        String v2 = v1.replace(", owner: file", "").replace("  annotations: {note: \"from the file\"}\n", "")
                .replace(", {name: B, value: \"2\"}", "");
        CliRunner.Result r = cli.withStdin(v2).run("apply", "-n", ns, "-f", "-");
        assertThat(r.out()).as(r.toString()).isEqualTo("replicationcontroller/web configured\n");
        ReplicationController rc = client.replicationControllers(ns).get("web");
        assertThat(rc.metadata().labels()).isEqualTo(Map.of("app", "web", "team", "blue"));
        assertThat(rc.metadata().annotations()).containsOnlyKeys(LastApplied.ANNOTATION);
        assertThat(rc.spec().template().spec().containers().getFirst().env()).extracting(e -> e.name())
                .containsExactly("A");
    }

    @Test
    void applyOfADirectoryAndAnObjectMadeByCreate() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Files.writeString(dir.resolve("a.yaml"), rcYaml(ns, 1, null, "busybox:latest"));
        Files.writeString(dir.resolve("b.json"), Json.toString(Fixtures.pod(ns, "solo", Map.of("app", "solo"))));
        Files.writeString(dir.resolve("ignored.txt"), "not a manifest");
        assertThat(cli.run("create", "-f", dir.resolve("b.json").toString()).out()).isEqualTo("pod/solo created\n");
        CliRunner.Result r = cli.run("apply", "-f", dir.toString());
        assertThat(r.out()).isEqualTo("replicationcontroller/web created\nservice/web created\npod/solo configured\n");
        assertThat(r.err()).startsWith("Warning: resource pods/solo is missing the "
                + "kubectl.kubernetes.io/last-applied-configuration annotation");
        assertThat(client.pods(ns).get("solo").metadata().annotations()).containsKey(LastApplied.ANNOTATION);
    }

    @Test
    void createReplaceAndTheirErrors() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Path file = Files.writeString(dir.resolve("rc.yaml"), rcYaml(ns, 1, null, "busybox:latest"));
        assertThat(cli.run("create", "-f", file.toString()).out())
                .isEqualTo("replicationcontroller/web created\nservice/web created\n");
        CliRunner.Result again = cli.run("create", "-f", file.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Error from server (AlreadyExists): error when creating \"" + file
                + "\": replicationcontrollers \"web\" already exists\n"
                + "Error from server (AlreadyExists): error when creating \"" + file
                + "\": services \"web\" already exists\n");

        Files.writeString(file, rcYaml(ns, 4, "v: two", "busybox:latest"));
        CliRunner.Result replaced = cli.run("replace", "-f", file.toString());
        assertThat(replaced.out()).as(replaced.toString()).isEqualTo("replicationcontroller/web replaced\nservice/web replaced\n");
        assertThat(client.replicationControllers(ns).get("web").spec().replicas()).isEqualTo(4);

        // A file with a stale resourceVersion is a compare-and-swap that loses.
        String stale = Json.toString(Fixtures.rc(ns, "web", 9, Map.of("app", "web"))).replace("\"namespace\"",
                "\"resourceVersion\":\"1\",\"namespace\"");
        CliRunner.Result conflict = cli.withStdin(stale).run("replace", "-f", "-");
        assertThat(conflict.code()).isEqualTo(1);
        assertThat(conflict.err()).startsWith("Error from server (Conflict): error when replacing \"STDIN\": ");

        CliRunner.Result missing = cli.withStdin(Json.toString(Fixtures.pod(ns, "ghost", Map.of()))).run("replace", "-f", "-");
        assertThat(missing.err()).isEqualTo("Error from server (NotFound): error when replacing \"STDIN\": pods \"ghost\""
                + " not found\n");
    }

    @Test
    void invalidObjectsShowEveryCauseOnItsOwnLine() {
        String ns = Fixtures.freshNamespace(client);
        String bad = """
                apiVersion: v1
                kind: Pod
                metadata: {name: bad, namespace: %s}
                spec:
                  restartPolicy: Sometimes
                  containers:
                  - name: Not_A_DNS_Label
                  - name: ok
                    image: busybox
                """.formatted(ns);
        CliRunner.Result r = cli.withStdin(bad).run("create", "-f", "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("The Pod \"bad\" is invalid: \n* spec.containers[0].name: Invalid value: "
                + "\"Not_A_DNS_Label\": ");
        assertThat(r.err().lines().filter(l -> l.startsWith("* "))).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(l -> l.startsWith("* spec.containers[0].image: Required value"))
                .anyMatch(l -> l.startsWith("* spec.restartPolicy: Unsupported value: \"Sometimes\""));
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badManifestsChangeNothing() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        Path good = Files.writeString(dir.resolve("1-good.yaml"), Json.toString(Fixtures.pod(ns, "good", Map.of())));
        Path typo = Files.writeString(dir.resolve("2-typo.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n");
        CliRunner.Result r = cli.run("apply", "-f", good.toString(), "-f", typo.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: error parsing " + typo + ": ");
        assertThat(client.pods(ns).find("good")).isEmpty();

        Path alien = Files.writeString(dir.resolve("3.yaml"), "apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n");
        assertThat(cli.run("apply", "-f", alien.toString()).err()).isEqualTo("error: unable to recognize \"" + alien
                + "\": no matches for kind \"Widget\" in version \"v1\"\n");
        assertThat(cli.run("apply", "-f", dir.resolve("none.yaml").toString()).err())
                .isEqualTo("error: the path \"" + dir.resolve("none.yaml") + "\" does not exist\n");
        assertThat(cli.run("apply", "-n", "other", "-f", good.toString()).err()).isEqualTo("error: the namespace from the"
                + " provided object \"" + ns + "\" does not match the namespace \"other\". You must pass '--namespace="
                + ns + "' to perform this operation.\n");
    }

    @Test
    void deleteByNameByFileBySelectorAndAll() throws Exception {
        String ns = Fixtures.freshNamespace(client);
        for (String n : new String[] {"a1", "a2", "b1", "c1", "c2"}) {
            Fixtures.create(client, Json.toString(Fixtures.pod(ns, n, Map.of("app", n.substring(0, 1)))));
        }
        CliRunner.Result byName = cli.run("delete", "pod", "a1", "nope", "-n", ns);
        assertThat(byName.code()).isEqualTo(1);
        assertThat(byName.out()).isEqualTo("pod \"a1\" deleted\n");
        assertThat(byName.err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
        assertThat(cli.run("delete", "pod", "nope", "-n", ns, "--ignore-not-found").code()).isZero();

        Path file = Files.writeString(dir.resolve("b.json"), Json.toString(Fixtures.pod(ns, "b1", Map.of())));
        assertThat(cli.run("delete", "-f", file.toString(), "--wait").out()).isEqualTo("pod \"b1\" deleted\n");
        assertThat(client.pods(ns).find("b1")).isEmpty();

        assertThat(cli.run("delete", "pods", "-l", "app=c", "-n", ns, "--grace-period=0", "--force").out())
                .isEqualTo("pod \"c1\" deleted\npod \"c2\" deleted\n");
        assertThat(cli.run("delete", "pods", "-n", ns).err())
                .isEqualTo("error: resource(s) were provided, but no name was specified\n");
        assertThat(cli.run("delete", "pods", "--all", "-n", ns).out()).isEqualTo("pod \"a2\" deleted\n");
        assertThat(client.pods(ns).list().items()).isEmpty();
        assertThat(cli.run("delete", "pods", "--all", "-n", ns).err()).isEqualTo("No resources found\n");
    }

    @Test
    void deleteSendsTheCascadePolicyAndWaitsBoundedly() {
        String ns = Fixtures.freshNamespace(client);
        Fixtures.create(client, Json.toString(Fixtures.rc(ns, "web", 0, Map.of("app", "web"))));
        // Orphan: the server marks the RC with the orphan finalizer for the garbage collector, which
        // does not run here, so the RC stays (terminating) and a wait for it times out.
        CliRunner.Result r = cli.run("delete", "rc/web", "-n", ns, "--cascade=orphan", "--wait", "--timeout=1s");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("replicationcontroller \"web\" deleted\n");
        assertThat(r.err()).isEqualTo("error: timed out waiting for the condition on replicationcontrollers/web\n");
        ReplicationController terminating = client.replicationControllers(ns).get("web");
        assertThat(terminating.metadata().deletionTimestamp()).isNotNull();
        assertThat(terminating.metadata().finalizers()).containsExactly("orphan");
        assertThat(cli.run("delete", "rc/web", "-n", ns, "--cascade=sideways").err())
                .isEqualTo("error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\".\n");
    }
}
