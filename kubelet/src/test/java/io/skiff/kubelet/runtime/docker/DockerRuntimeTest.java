package io.skiff.kubelet.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerConfig.PortBinding;
import io.skiff.kubelet.runtime.ContainerConfig.Protocol;
import io.skiff.kubelet.runtime.ContainerCreateException;
import io.skiff.kubelet.runtime.ContainerLabels;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeContract;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.ContainerStartException;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.ExecResult;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.LogOptions;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeTimeoutException;
import io.skiff.testing.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the real Docker engine, plus what only Docker can show: real processes, mounts, ports, limits. */
class DockerRuntimeTest extends ContainerRuntimeContract {
    private DockerClient docker;

    @TempDir
    Path tmp;

    @Override
    protected ContainerRuntime newRuntime() {
        return new DockerRuntime(DockerRuntime.Options.of(TestEnvironment.docker()));
    }

    @Override
    protected String image() {
        return TestEnvironment.busyboxImage();
    }

    @BeforeEach
    void openRawClient() {
        docker = DockerClients.open(TestEnvironment.docker(), 4, Duration.ofSeconds(5));
    }

    @AfterEach
    void closeRawClient() throws IOException {
        docker.close();
    }

    @Test
    void appContainerServesThroughTheInfraContainersHostPortAndPodIp() throws Exception {
        Files.writeString(tmp.resolve("index.html"), "hello from " + testRun + "\n");
        int hostPort = freePort();
        String infra = runtime.createAndStart(container("sleep", "3600")
                .label(ContainerLabels.INFRA, "true")
                .port(new PortBinding(8080, Protocol.TCP, "127.0.0.1", hostPort))
                .build());
        String web = runtime.createAndStart(container("httpd", "-f", "-p", "8080", "-h", "/www")
                .joinNetworkOf(infra)
                .mount(tmp.toString(), "/www", true)
                .build());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + hostPort + "/index.html")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello from " + testRun + "\n");
        });

        String podIp = runtime.podIp(infra).orElseThrow();
        String subnet = docker.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam().getConfig().get(0).getSubnet();
        assertThat(inSubnet(podIp, subnet)).as("%s in %s", podIp, subnet).isTrue();
        assertThat(runtime.podIp(web)).as("the app container has no address of its own").isEmpty();
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://" + podIp + ":8080/index.html"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.body()).isEqualTo("hello from " + testRun + "\n");
    }

    @Test
    void commandArgsEnvAndWorkingDirReachTheProcess() {
        String id = runtime.createAndStart(container("sh", "-c")
                .args("echo \"$GREETING|$TWICE|$EMPTY|$(pwd)|$0|$1\"", "arg zero", "arg one")
                .env("GREETING", "hello world")
                .env("TWICE", "first")
                .env("TWICE", "second")
                .env("EMPTY", "")
                .workingDir("/work/dir")
                .build());
        awaitExited(id);

        assertThat(logs(id, LogOptions.ALL)).isEqualTo("hello world|second||/work/dir|arg zero|arg one\n");
    }

    @Test
    void commandAndArgsReplaceTheImagesEntrypointAndCmdAsInKubernetes() {
        // busybox:latest has CMD ["sh"] and no entrypoint. A command alone drops the image's CMD
        // (else "echo command only" would print "command only sh"); args alone replace it.
        record Case(List<String> command, List<String> args, String output) {}
        for (Case k : List.of(
                new Case(List.of("echo", "command only"), List.of(), "command only\n"),
                new Case(List.of(), List.of("echo", "args only"), "args only\n"),
                new Case(List.of("echo"), List.of("command", "and", "args"), "command and args\n"),
                new Case(List.of(), List.of(), ""))) {
            String id = runtime.createAndStart(container().command(k.command()).args(k.args()).build());

            RuntimeContainer exited = awaitExited(id);

            assertThat(exited.exitCode()).as("%s", k).isZero();
            assertThat(logs(id, LogOptions.ALL)).as("%s", k).isEqualTo(k.output());
        }
    }

    @Test
    void aCommandThatCannotStartLeavesACreatedContainerWithDockersError() {
        ContainerConfig config = container("/no/such/binary").build();

        Throwable thrown = catchThrowable(() -> runtime.createAndStart(config));

        assertThat(thrown).isInstanceOf(ContainerStartException.class).hasMessageContaining("/no/such/binary");
        RuntimeContainer failed = runtime.inspect(((ContainerStartException) thrown).containerId());
        assertThat(failed.state()).isIn(ContainerState.CREATED, ContainerState.EXITED);
        assertThat(failed.exitCode()).isNotNull().isNotZero();
        assertThat(failed.error()).contains("/no/such/binary");
        assertThat(failed.labels()).containsEntry(TEST_LABEL, testRun);
    }

    @Test
    void readOnlyMountsCannotBeWrittenAndReadWriteOnesCan() throws IOException {
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        Path rw = Files.createDirectory(tmp.resolve("rw"));
        String id = runtime.createAndStart(container("sleep", "300")
                .mount(ro.toString(), "/ro", true)
                .mount(rw.toString(), "/rw", false)
                .build());

        ExecResult denied = runtime.exec(id, List.of("sh", "-c", "echo no > /ro/file"), Duration.ofSeconds(10));
        ExecResult written = runtime.exec(id, List.of("sh", "-c", "echo yes > /rw/file"), Duration.ofSeconds(10));

        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("Read-only file system");
        assertThat(ro.resolve("file")).doesNotExist();
        assertThat(written.exitCode()).isZero();
        assertThat(rw.resolve("file")).hasContent("yes");
    }

    @Test
    void stopSendsTheStopSignalAndKillsWhatIgnoresItAfterTheGracePeriod() {
        record Case(String name, String script, String stopSignal, Duration grace, int exitCode,
                    Duration atLeast, Duration atMost) {}
        String loop = "echo ready; while true; do sleep 1 & wait $!; done";
        List<Case> cases = List.of(
                new Case("exits on SIGTERM", "trap 'exit 42' TERM; " + loop, null, Duration.ofSeconds(20), 42,
                        Duration.ZERO, Duration.ofSeconds(5)),
                new Case("exits on its own stop signal", "trap 'exit 10' USR1; " + loop, "SIGUSR1", Duration.ofSeconds(20), 10,
                        Duration.ZERO, Duration.ofSeconds(5)),
                // PID 1 without a handler: the kernel drops SIGTERM, so only SIGKILL ends it.
                new Case("ignores SIGTERM", "echo ready; exec sleep 3600", null, Duration.ofSeconds(2), 137,
                        Duration.ofMillis(1900), Duration.ofSeconds(8)));
        for (Case k : cases) {
            ContainerConfig.Builder builder = container("sh", "-c", k.script());
            if (k.stopSignal() != null) {
                builder.stopSignal(k.stopSignal());
            }
            String id = runtime.createAndStart(builder.build());
            // Signal only once the shell has installed its trap (it prints "ready" after).
            await().atMost(Duration.ofSeconds(10)).until(() -> logs(id, LogOptions.ALL).equals("ready\n"));
            long start = System.nanoTime();

            runtime.stop(id, k.grace());

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            RuntimeContainer stopped = runtime.inspect(id);
            assertThat(stopped.state()).as(k.name()).isEqualTo(ContainerState.EXITED);
            assertThat(stopped.exitCode()).as(k.name()).isEqualTo(k.exitCode());
            assertThat(elapsed).as(k.name()).isBetween(k.atLeast(), k.atMost());
        }
    }

    @Test
    void execCapturesStdoutAndStderrWithTheExitCode() {
        String id = runtime.createAndStart(container("sleep", "300").build());

        ExecResult result = runtime.exec(id, List.of("sh", "-c", "echo out; echo err >&2; exit 7"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.output()).contains("out\n").contains("err\n");
        ExecResult big = runtime.exec(id, List.of("sh", "-c", "i=0; while [ $i -lt 3000 ]; do echo 0123456789; i=$((i+1)); done"),
                Duration.ofSeconds(20));
        assertThat(big.exitCode()).isZero();
        assertThat(big.output()).hasSize(ExecResult.MAX_OUTPUT_BYTES);
    }

    @Test
    void followStreamsLinesAsTheyArePrinted() throws Exception {
        String id = runtime.createAndStart(container("sh", "-c", "echo first; echo second; sleep 4; echo last").build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> follower = CompletableFuture.runAsync(
                () -> runtime.logs(id, LogOptions.ALL.withFollow(true), out), command -> Thread.ofVirtual().start(command));

        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).equals("first\nsecond\n"));
        assertThat(runtime.inspect(id).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(follower).isNotDone();

        follower.get(20, TimeUnit.SECONDS);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\nsecond\nlast\n");
        assertThat(runtime.inspect(id).state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void stdoutAndStderrInterleaveInTheOrderPrinted() {
        String id = runtime.createAndStart(container("sh", "-c",
                "echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2; sleep 0.2; echo err2 >&2").build());
        awaitExited(id);

        assertThat(logs(id, LogOptions.ALL)).isEqualTo("out1\nerr1\nout2\nerr2\n");
    }

    @Test
    void sinceTimeDropsEarlierLines() {
        String id = runtime.createAndStart(container("sh", "-c", "echo early; sleep 3; echo late").build());
        awaitExited(id);
        Instant early = Instant.parse(logs(id, LogOptions.ALL.withTimestamps(true)).lines().findFirst().orElseThrow().split(" ")[0]);

        String since = logs(id, LogOptions.ALL.withSinceTime(early.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2)));

        assertThat(since).isEqualTo("late\n");
    }

    @Test
    void aFollowerEndsWhenItsReaderGoesAwayOrItIsInterrupted() throws Exception {
        String id = runtime.createAndStart(container("sh", "-c", "while true; do echo tick; sleep 0.2; done").build());
        List<String> written = new ArrayList<>();
        OutputStream closesAfterThree = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                if (written.size() == 3) {
                    throw new IOException("client went away");
                }
                written.add(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        CompletableFuture<Void> goneReader = CompletableFuture.runAsync(
                () -> runtime.logs(id, LogOptions.ALL.withFollow(true), closesAfterThree), c -> Thread.ofVirtual().start(c));
        goneReader.get(15, TimeUnit.SECONDS);
        assertThat(written).hasSize(3);

        Thread follower = Thread.ofVirtual().start(() -> runtime.logs(id, LogOptions.ALL.withFollow(true), new ByteArrayOutputStream()));
        Thread.sleep(500);
        follower.interrupt();
        assertThat(follower.join(Duration.ofSeconds(5))).as("follower ended after interrupt").isTrue();
        assertThat(runtime.inspect(id).isRunning()).isTrue();
    }

    @Test
    void aMissingImageFailsToPullWithDockersOwnMessage() {
        assertThatThrownBy(() -> runtime.pullImage(MISSING_IMAGE))
                .isInstanceOfSatisfying(ImagePullException.class, e -> assertThat(e.engineMessage())
                        .as("Docker's words, whichever way the registry failed")
                        .containsAnyOf("pull access denied", "registry", "no such host", "dial tcp", "not found")
                        .doesNotContain("{\"message\""));
    }

    @Test
    void aRegistryThatNeverAnswersFailsThePullAtTheProgressDeadline() throws Exception {
        try (SilentServer registry = SilentServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DockerRuntime impatient = new DockerRuntime(DockerRuntime.Options.of(TestEnvironment.docker())
                     .withPullProgressDeadline(Duration.ofSeconds(2)))) {
            String image = "127.0.0.1:" + ((InetSocketAddress) registry.address()).getPort() + "/skiff-test/silent:1";
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.pullImage(image))
                    .isInstanceOfSatisfying(ImagePullException.class, e -> assertThat(e.image()).isEqualTo(image));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        }
    }

    @Test
    void cpuAndMemoryLimitsAreAppliedToTheContainer() {
        String id = runtime.createAndStart(container("sleep", "300").cpuMillis(250).memoryBytes(64L << 20).build());

        HostConfig host = docker.inspectContainerCmd(id).exec().getHostConfig();

        assertThat(host.getNanoCPUs()).isEqualTo(250_000_000L);
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(64L << 20);
        // What the kernel enforces, on cgroup v2 or v1.
        String limit = runtime.exec(id, List.of("sh", "-c", "cat /sys/fs/cgroup/memory.max 2>/dev/null"
                + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes"), Duration.ofSeconds(10)).output().strip();
        assertThat(limit).isEqualTo(Long.toString(64L << 20));
    }

    @Test
    void aRestartedRuntimeFindsItsContainersByTheirLabels() {
        Map<String, String> pod = ContainerLabels.pod("node-" + testRun, "default", "web", "uid-" + testRun);
        String infra = runtime.createAndStart(container("sleep", "300")
                .labels(ContainerLabels.container(pod, ContainerLabels.INFRA_CONTAINER_NAME, "h0", 0)).build());
        String app = runtime.createAndStart(container("sh", "-c", "exit 1")
                .labels(ContainerLabels.container(pod, "app", "h1", 2)).joinNetworkOf(infra).build());
        awaitExited(app);

        try (ContainerRuntime restarted = newRuntime()) {
            List<RuntimeContainer> found = restarted.listContainers(Map.of(ContainerLabels.POD_UID, "uid-" + testRun), true);

            assertThat(found).extracting(RuntimeContainer::id).containsExactlyInAnyOrder(infra, app);
            RuntimeContainer infraFound = found.stream().filter(ContainerLabels::isInfra).findFirst().orElseThrow();
            RuntimeContainer appFound = found.stream().filter(c -> !ContainerLabels.isInfra(c)).findFirst().orElseThrow();
            assertThat(infraFound.id()).isEqualTo(infra);
            assertThat(appFound.label(ContainerLabels.CONTAINER_NAME)).isEqualTo("app");
            assertThat(appFound.label(ContainerLabels.CONTAINER_HASH)).isEqualTo("h1");
            assertThat(ContainerLabels.restartCount(appFound)).isEqualTo(2);
            assertThat(appFound.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void anEngineThatNeverAnswersCostsATimeoutNotAWorker() throws Exception {
        try (SilentServer engine = SilentServer.listen(UnixDomainSocketAddress.of(tmp.resolve("silent.sock")));
             DockerRuntime stuck = new DockerRuntime(DockerRuntime.Options.of("unix://"
                     + ((UnixDomainSocketAddress) engine.address()).getPath())
                     .withCallTimeout(Duration.ofSeconds(1)))) {
            for (Runnable call : List.<Runnable>of(stuck::version, () -> stuck.listContainers(Map.of(), true),
                    () -> stuck.inspect("abc"), () -> stuck.createAndStart(container("true").build()))) {
                long start = System.nanoTime();
                assertThatThrownBy(call::run).isInstanceOf(RuntimeTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            }
        }
    }

    @Test
    void anEngineThatIsNotThereIsAClearError() {
        try (DockerRuntime absent = new DockerRuntime(DockerRuntime.Options.of("unix://" + tmp.resolve("absent.sock"))
                .withCallTimeout(Duration.ofSeconds(5)))) {
            long start = System.nanoTime();
            assertThatThrownBy(absent::version)
                    .isInstanceOf(ContainerRuntimeException.class)
                    .isNotInstanceOf(RuntimeTimeoutException.class)
                    .hasMessageContaining("cannot talk to the container engine");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /** A server on loopback or a unix socket that accepts connections and never says a word. */
    private record SilentServer(ServerSocketChannel server, List<SocketChannel> accepted, Thread acceptor)
            implements AutoCloseable {

        static SilentServer listen(SocketAddress address) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open(address instanceof UnixDomainSocketAddress
                    ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
            server.bind(address);
            List<SocketChannel> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException closed) {
                    // The server was closed: the test is over.
                }
            });
            return new SilentServer(server, accepted, acceptor);
        }

        SocketAddress address() throws IOException {
            return server.getLocalAddress();
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                acceptor.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static boolean inSubnet(String ip, String cidr) throws IOException {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long mask = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) throws IOException {
        long value = 0;
        for (byte b : InetAddress.getByName(address).getAddress()) {
            value = value << 8 | (b & 0xff);
        }
        return value;
    }
}
