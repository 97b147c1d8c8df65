package io.skiff.cli.get;

import static io.skiff.cli.testing.TableText.cells;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.printing.Printer;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.testing.CliRunner;
import io.skiff.cli.testing.Fixtures;
import io.skiff.client.ClientConfig;
import io.skiff.client.PatchType;
import io.skiff.client.SkiffClient;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against an apiserver without server-side printing, {@code get} builds its tables itself (with
 * the shared {@code io.skiff.api.printing} columns) and prints exactly what it prints from a
 * server's Tables.
 */
@Timeout(180)
class ClientSideTablesTest {
    @RegisterExtension
    static final TestApiServer printing = TestApiServer.sqlite();

    @RegisterExtension
    static final TestApiServer plain = TestApiServer.sqlite().builder(b -> b.printer(Printer.NONE));

    @TempDir
    static Path home;

    static final String NS = Fixtures.unique("t");

    @BeforeAll
    static void sameObjectsInBoth() {
        for (TestApiServer api : List.of(printing, plain)) {
            try (SkiffClient client = new SkiffClient(ClientConfig.forServer(api.url().toString()))) {
                Fixtures.create(client, """
                        apiVersion: v1
                        kind: Namespace
                        metadata: {name: %1$s}
                        ---
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: web-1, namespace: %1$s, labels: {app: web}}
                        spec: {nodeName: n1, containers: [{name: web, image: busybox:latest}]}
                        ---
                        apiVersion: v1
                        kind: ReplicationController
                        metadata: {name: web, namespace: %1$s}
                        spec:
                          replicas: 2
                          selector: {app: web}
                          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: busybox:latest}]}}
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata: {name: web, namespace: %1$s}
                        spec: {selector: {app: web}, ports: [{port: 80}], clusterIP: None}
                        ---
                        apiVersion: coordination.k8s.io/v1
                        kind: Lease
                        metadata: {name: holder, namespace: %1$s}
                        spec: {holderIdentity: cm-1}
                        """.formatted(NS));
                client.pods(NS).patchStatus("web-1", PatchType.MERGE, """
                        {"status": {"phase": "Running", "podIP": "10.1.0.7",
                          "containerStatuses": [{"name": "web", "ready": true, "restartCount": 1,
                            "state": {"running": {}}}]}}""");
            }
        }
    }

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("get", "pods", "-n", NS),
                List.of("get", "pods", "-n", NS, "-o", "wide", "--show-labels"),
                List.of("get", "all", "-n", NS),
                List.of("get", "rc,svc", "-n", NS, "-o", "wide"),
                List.of("get", "leases", "-n", NS),
                List.of("get", "pods", "-A", "-l", "app=web"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theSameTableEitherWay(List<String> args) {
        CliRunner.Result server = CliRunner.against(printing.url(), home).run(args.toArray(String[]::new));
        CliRunner.Result client = CliRunner.against(plain.url(), home).run(args.toArray(String[]::new));
        assertThat(server.code()).as(server.toString()).isZero();
        assertThat(client.code()).as(client.toString()).isZero();
        assertThat(server.out()).isNotEmpty();
        List<List<String>> fromServer = Stream.of(server.out().split("\n\n")).flatMap(t -> cells(t).stream()).toList();
        List<List<String>> fromClient = Stream.of(client.out().split("\n\n")).flatMap(t -> cells(t).stream()).toList();
        assertThat(fromClient).isEqualTo(fromServer);
    }
}
