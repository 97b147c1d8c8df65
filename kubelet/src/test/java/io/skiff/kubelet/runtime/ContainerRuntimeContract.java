package io.skiff.kubelet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour SyncPod relies on, checked against every {@link ContainerRuntime}: Docker (for
 * real) and the simulated one (so hollow nodes behave like real ones). Every container a test
 * creates carries the test's own label and is removed after it, pass or fail.
 */
public abstract class ContainerRuntimeContract {
    protected static final String TEST_LABEL = "io.skiff.test.run";
    protected static final String MISSING_IMAGE = "skiff-test/does-not-exist:1";

    protected ContainerRuntime runtime;
    protected String testRun;
    private final AtomicInteger names = new AtomicInteger();

    /** A fresh runtime on the engine under test. */
    protected abstract ContainerRuntime newRuntime();

    /** A local busybox image. */
    protected abstract String image();

    @BeforeEach
    void openRuntime() {
        runtime = newRuntime();
        testRun = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void removeEverythingThisTestCreated() {
        try {
            for (RuntimeContainer c : runtime.listContainers(Map.of(TEST_LABEL, testRun), true)) {
                runtime.remove(c.id());
            }
            assertThat(runtime.listContainers(Map.of(TEST_LABEL, testRun), true)).isEmpty();
        } finally {
            runtime.close();
        }
    }

    /** A container config carrying this test's label and a name unique to it. */
    protected ContainerConfig.Builder container(String... command) {
        return ContainerConfig.builder(image())
                .name("skiff-test-" + testRun + "-" + names.incrementAndGet())
                .label(TEST_LABEL, testRun)
                .command(command);
    }

    protected Map<String, String> testLabel() {
        return Map.of(TEST_LABEL, testRun);
    }

    protected RuntimeContainer awaitExited(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.inspect(id).state() == ContainerState.EXITED);
        return runtime.inspect(id);
    }

    protected String logs(String id, LogOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.logs(id, options, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startedContainerRunsWithItsNameImageAndLabels() {
        Instant before = Instant.now().minusSeconds(1);
        ContainerConfig config = container("sleep", "300").label(ContainerLabels.POD_UID, "uid-1").build();

        String id = runtime.createAndStart(config);

        RuntimeContainer c = runtime.inspect(id);
        assertThat(c.id()).isEqualTo(id);
        assertThat(c.name()).isEqualTo(config.name());
        assertThat(c.image()).isEqualTo(image());
        assertThat(c.imageId()).startsWith("sha256:");
        assertThat(c.labels()).containsEntry(ContainerLabels.POD_UID, "uid-1").containsEntry(TEST_LABEL, testRun);
        assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(c.startedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(c.exitCode()).isNull();
        assertThat(c.finishedAt()).isNull();
        assertThat(runtime.listContainers(testLabel(), false)).extracting(RuntimeContainer::id).containsExactly(id);
    }

    @Test
    void labelFilterMatchesEveryGivenPair() {
        String a = runtime.createAndStart(container("sleep", "300").label("pod", "a").label("c", "x").build());
        String b = runtime.createAndStart(container("sleep", "300").label("pod", "a").label("c", "y").build());
        String c = runtime.createAndStart(container("sleep", "300").label("pod", "b").label("c", "x").build());
        record Case(Map<String, String> filter, Set<String> expected) {}
        List<Case> cases = List.of(
                new Case(Map.of(), Set.of(a, b, c)),
                new Case(Map.of("pod", "a"), Set.of(a, b)),
                new Case(Map.of("pod", "a", "c", "x"), Set.of(a)),
                new Case(Map.of("c", "x"), Set.of(a, c)),
                new Case(Map.of("pod", "nope"), Set.of()));
        for (Case k : cases) {
            Map<String, String> filter = new HashMap<>(k.filter());
            filter.put(TEST_LABEL, testRun);
            assertThat(runtime.listContainers(filter, false)).as("filter %s", k.filter())
                    .extracting(RuntimeContainer::id).containsExactlyInAnyOrderElementsOf(k.expected());
        }
    }

    @Test
    void exitedContainersAreListedOnlyWhenAskedWithExitCodeAndFinishTime() {
        String running = runtime.createAndStart(container("sleep", "300").build());
        String exited = runtime.createAndStart(container("sh", "-c", "exit 3").build());

        RuntimeContainer done = awaitExited(exited);

        assertThat(runtime.listContainers(testLabel(), false)).extracting(RuntimeContainer::id).containsExactly(running);
        List<RuntimeContainer> all = runtime.listContainers(testLabel(), true);
        assertThat(all).extracting(RuntimeContainer::id).containsExactlyInAnyOrder(running, exited);
        RuntimeContainer listed = all.stream().filter(x -> x.id().equals(exited)).findFirst().orElseThrow();
        assertThat(listed.state()).isEqualTo(ContainerState.EXITED);
        assertThat(listed.exitCode()).isEqualTo(3);
        // Docker stamps StartedAt after the start returns and FinishedAt when the exit is seen:
        // a process that exits at once can look finished a few milliseconds before it started.
        assertThat(listed.finishedAt()).isNotNull().isAfterOrEqualTo(listed.startedAt().minusSeconds(1));
        assertThat(listed.finishedAt()).isEqualTo(done.finishedAt());
    }

    @Test
    void stopEndsARunningContainerWithItsSignalAndLeavesAnExitedOneAlone() {
        // A shell that exits 143 on SIGTERM, as a well-behaved server does; "ready" once it listens.
        String trapsTerm = "trap 'exit 143' TERM; echo ready; while true; do sleep 1 & wait $!; done";
        record Case(Duration grace, int exitCode) {}
        for (Case k : List.of(new Case(Duration.ofSeconds(10), 143), new Case(Duration.ZERO, 137))) {
            String id = runtime.createAndStart(container("sh", "-c", trapsTerm).build());
            await().atMost(Duration.ofSeconds(10)).until(() -> logs(id, LogOptions.ALL).equals("ready\n"));
            long start = System.nanoTime();

            runtime.stop(id, k.grace());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("grace %s", k.grace()).isLessThan(Duration.ofSeconds(8));
            RuntimeContainer stopped = runtime.inspect(id);
            assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
            assertThat(stopped.exitCode()).as("grace %s", k.grace()).isEqualTo(k.exitCode());
            assertThat(stopped.finishedAt()).isNotNull();

            long again = System.nanoTime();
            runtime.stop(id, Duration.ofSeconds(30));
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(3));
            assertThat(runtime.inspect(id)).isEqualTo(stopped);
        }
    }

    @Test
    void removeMakesAContainerGoneAndMayBeRepeated() {
        String id = runtime.createAndStart(container("sleep", "300").build());

        runtime.remove(id);

        assertThat(runtime.listContainers(testLabel(), true)).isEmpty();
        assertThatThrownBy(() -> runtime.inspect(id)).isInstanceOf(ContainerNotFoundException.class);
        runtime.remove(id);
    }

    @Test
    void callsAboutAnUnknownContainerSayItIsNotFound() {
        String unknown = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Map<String, Consumer<String>> calls = Map.of(
                "inspect", id -> runtime.inspect(id),
                "stop", id -> runtime.stop(id, Duration.ofSeconds(1)),
                "podIp", id -> runtime.podIp(id),
                "exec", id -> runtime.exec(id, List.of("true"), Duration.ofSeconds(5)),
                "logs", id -> runtime.logs(id, LogOptions.ALL, new ByteArrayOutputStream()));
        calls.forEach((name, call) -> assertThatThrownBy(() -> call.accept(unknown)).as(name)
                .isInstanceOf(ContainerNotFoundException.class)
                .hasMessageContaining(unknown));
    }

    @Test
    void execReportsExitCodeAndOutput() {
        String id = runtime.createAndStart(container("sleep", "300").build());
        record Case(List<String> command, int exitCode, String output) {}
        for (Case k : List.of(
                new Case(List.of("true"), 0, ""),
                new Case(List.of("false"), 1, ""),
                new Case(List.of("sh", "-c", "exit 3"), 3, ""),
                new Case(List.of("echo", "hello", "probe"), 0, "hello probe\n"))) {
            ExecResult result = runtime.exec(id, k.command(), Duration.ofSeconds(10));
            assertThat(result.timedOut()).as("%s", k.command()).isFalse();
            assertThat(result.exitCode()).as("%s", k.command()).isEqualTo(k.exitCode());
            assertThat(result.output()).as("%s", k.command()).isEqualTo(k.output());
            assertThat(result.succeeded()).isEqualTo(k.exitCode() == 0);
        }
    }

    @Test
    void execThatOutlivesItsTimeoutReportsATimeoutInTime() {
        String id = runtime.createAndStart(container("sleep", "300").build());
        long start = System.nanoTime();

        ExecResult result = runtime.exec(id, List.of("sleep", "30"), Duration.ofSeconds(1));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isNull();
        assertThat(elapsed).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void execInAContainerThatIsNotRunningFails() {
        String id = runtime.createAndStart(container("true").build());
        awaitExited(id);

        assertThatThrownBy(() -> runtime.exec(id, List.of("true"), Duration.ofSeconds(5)))
                .isInstanceOf(ContainerRuntimeException.class)
                .isNotInstanceOf(ContainerNotFoundException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void logsOfAnExitedContainerHonourTailAndTimestamps() {
        String id = runtime.createAndStart(container("sh", "-c", "echo one; echo two; echo three").build());
        awaitExited(id);
        record Case(LogOptions options, String expected) {}
        for (Case k : List.of(
                new Case(LogOptions.ALL, "one\ntwo\nthree\n"),
                new Case(LogOptions.ALL.withTailLines(2), "two\nthree\n"),
                new Case(LogOptions.ALL.withTailLines(0), ""),
                new Case(LogOptions.ALL.withFollow(true), "one\ntwo\nthree\n"))) {
            assertThat(logs(id, k.options())).as("%s", k.options()).isEqualTo(k.expected());
        }

        List<String> stamped = logs(id, LogOptions.ALL.withTimestamps(true)).lines().toList();
        assertThat(stamped).hasSize(3);
        RuntimeContainer c = runtime.inspect(id);
        for (int i = 0; i < 3; i++) {
            String[] parts = stamped.get(i).split(" ", 2);
            assertThat(parts[1]).isEqualTo(List.of("one", "two", "three").get(i));
            assertThat(Instant.parse(parts[0])).isBetween(c.startedAt().minusSeconds(1), c.finishedAt().plusSeconds(1));
        }
    }

    @Test
    void followingLogsReturnsOnceTheContainerHasExited() throws Exception {
        String id = runtime.createAndStart(container("sh", "-c", "echo ready; sleep 2; echo done").build());
        long start = System.nanoTime();

        String followed = logs(id, LogOptions.ALL.withFollow(true));

        assertThat(followed).isEqualTo("ready\ndone\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(15));
        assertThat(runtime.inspect(id).state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void imagePresenceAndAPullThatCannotSucceed() {
        assertThat(runtime.isImagePresent(image())).isTrue();
        assertThat(runtime.isImagePresent(MISSING_IMAGE)).isFalse();
        long start = System.nanoTime();

        assertThatThrownBy(() -> runtime.pullImage(MISSING_IMAGE))
                .isInstanceOfSatisfying(ImagePullException.class, e -> {
                    assertThat(e.image()).isEqualTo(MISSING_IMAGE);
                    assertThat(e.engineMessage()).isNotBlank().doesNotStartWith("Status ");
                    assertThat(e.getMessage()).contains(MISSING_IMAGE).contains(e.engineMessage());
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(runtime.isImagePresent(MISSING_IMAGE)).isFalse();
    }

    @Test
    void createWithAMissingImageFailsAndLeavesNothing() {
        ContainerConfig config = ContainerConfig.builder(MISSING_IMAGE).name("skiff-test-" + testRun + "-missing")
                .label(TEST_LABEL, testRun).command("true").build();

        assertThatThrownBy(() -> runtime.createAndStart(config))
                .isInstanceOfSatisfying(ContainerCreateException.class,
                        e -> assertThat(e.containerName()).isEqualTo(config.name()))
                .hasMessageContaining(MISSING_IMAGE.split(":")[0]);
        assertThat(runtime.listContainers(testLabel(), true)).isEmpty();
    }

    @Test
    void aNameInUseIsRefused() {
        ContainerConfig config = container("sleep", "300").build();
        String first = runtime.createAndStart(config);

        assertThatThrownBy(() -> runtime.createAndStart(config))
                .isInstanceOf(ContainerCreateException.class)
                .hasMessageContaining(config.name());
        assertThat(runtime.listContainers(testLabel(), true)).extracting(RuntimeContainer::id).containsExactly(first);
        assertThat(runtime.inspect(first).isRunning()).isTrue();
    }

    @Test
    void concurrentCreatesWithOneNameHaveExactlyOneWinner() throws Exception {
        ContainerConfig config = container("sleep", "300").build();
        List<Future<String>> racers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                racers.add(threads.submit(() -> runtime.createAndStart(config)));
            }
            List<String> winners = new ArrayList<>();
            for (Future<String> racer : racers) {
                try {
                    winners.add(racer.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ContainerCreateException.class);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(runtime.listContainers(testLabel(), true)).extracting(RuntimeContainer::id).containsExactlyElementsOf(winners);
        }
    }

    @Test
    void infraContainersGetDistinctPodIpsAndAppContainersJoinThem() {
        String infra1 = runtime.createAndStart(container("sleep", "300").label(ContainerLabels.INFRA, "true").build());
        String infra2 = runtime.createAndStart(container("sleep", "300").label(ContainerLabels.INFRA, "true").build());
        String app = runtime.createAndStart(container("sleep", "300").joinNetworkOf(infra1).build());

        String ip1 = runtime.podIp(infra1).orElseThrow();
        String ip2 = runtime.podIp(infra2).orElseThrow();

        assertThat(ip1).matches("\\d{1,3}(\\.\\d{1,3}){3}").isNotEqualTo(ip2);
        assertThat(runtime.inspect(app).isRunning()).isTrue();
    }

    @Test
    void thirtyConcurrentStartsAllSucceed() throws Exception {
        List<Future<String>> starts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                ContainerConfig config = container("sleep", "300").build();
                starts.add(threads.submit(() -> runtime.createAndStart(config)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> start : starts) {
                ids.add(start.get(120, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(30);
            assertThat(runtime.listContainers(testLabel(), false)).extracting(RuntimeContainer::id)
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void racingStopsAndRemovesOfOneContainerEndWithItGone() throws Exception {
        String id = runtime.createAndStart(container("sleep", "300").build());
        List<Future<?>> racers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                boolean stopper = i % 2 == 0;
                racers.add(threads.submit(() -> {
                    if (!stopper) {
                        runtime.remove(id);
                        return;
                    }
                    try {
                        runtime.stop(id, Duration.ZERO);
                    } catch (ContainerNotFoundException removedFirst) {
                        // A remove won the race: the container is gone, which a stop accepts.
                    }
                }));
            }
            for (Future<?> racer : racers) {
                racer.get(60, TimeUnit.SECONDS);
            }
        }
        assertThatThrownBy(() -> runtime.inspect(id)).isInstanceOf(ContainerNotFoundException.class);
    }

    @Test
    void versionNamesTheEngine() {
        RuntimeVersion version = runtime.version();

        assertThat(version.name()).isNotBlank();
        assertThat(version.version()).isNotBlank();
        assertThat(version.toString()).isEqualTo(version.name() + "://" + version.version());
    }
}
