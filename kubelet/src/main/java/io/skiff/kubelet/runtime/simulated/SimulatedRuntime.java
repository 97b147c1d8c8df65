package io.skiff.kubelet.runtime.simulated;

import io.skiff.api.SkiffVersion;
import io.skiff.kubelet.runtime.ContainerConfig;
import io.skiff.kubelet.runtime.ContainerCreateException;
import io.skiff.kubelet.runtime.ContainerNotFoundException;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import io.skiff.kubelet.runtime.ContainerStartException;
import io.skiff.kubelet.runtime.ContainerState;
import io.skiff.kubelet.runtime.ExecResult;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.runtime.ImageReference;
import io.skiff.kubelet.runtime.LogOptions;
import io.skiff.kubelet.runtime.RuntimeContainer;
import io.skiff.kubelet.runtime.RuntimeVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers that "run" in memory, for hollow nodes in control-plane scale tests: the same
 * interface and status flow as Docker (created, running, exited with a code; labels, names,
 * images, pod IPs), at the cost of a map entry per container. Commands are read by
 * {@link SimulatedProcess}; a stopped container exits with 143 (SIGTERM), or 137 when killed
 * without a grace period. Never used where a test checks Docker behaviour.
 */
public final class SimulatedRuntime implements ContainerRuntime {
    private static final Logger log = LoggerFactory.getLogger(SimulatedRuntime.class);
    private static final int EXIT_SIGTERM = 128 + 15;
    private static final int EXIT_SIGKILL = 128 + 9;

    /**
     * @param startLatency time between create and running, as an engine takes
     * @param images       images present from the start
     * @param registry     which images a pull finds; the others fail like an unknown repository
     * @param podSubnet    first two octets of the pod IPs handed out, e.g. {@code 10.88}; give each
     *                     hollow node its own so pod IPs stay unique in the cluster
     */
    public record Options(Duration startLatency, Set<String> images, Predicate<String> registry, String podSubnet) {
        public static Options defaults() {
            return new Options(Duration.ZERO, Set.of(), image -> true, "10.88");
        }

        public Options withStartLatency(Duration latency) {
            return new Options(latency, images, registry, podSubnet);
        }

        public Options withImages(Set<String> present) {
            return new Options(startLatency, present, registry, podSubnet);
        }

        public Options withRegistry(Predicate<String> pullable) {
            return new Options(startLatency, images, pullable, podSubnet);
        }

        public Options withPodSubnet(String firstTwoOctets) {
            return new Options(startLatency, images, registry, firstTwoOctets);
        }
    }

    /** One container; replaced, never mutated, so that every transition is one atomic map update. */
    private record Entry(RuntimeContainer status, ContainerConfig config, SimulatedProcess process,
                         String ip, CompletableFuture<Void> exited) {
        Entry with(RuntimeContainer newStatus) {
            return new Entry(newStatus, config, process, ip, exited);
        }
    }

    private final Options options;
    private final ConcurrentHashMap<String, Entry> containers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idsByName = new ConcurrentHashMap<>();
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextIp = new AtomicInteger();
    private final ScheduledExecutorService exits = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("simulated-exits").daemon().factory());

    public SimulatedRuntime(Options options) {
        this.options = options;
        options.images().forEach(image -> images.add(ImageReference.withDefaultTag(image)));
    }

    public SimulatedRuntime() {
        this(Options.defaults());
    }

    @Override
    public RuntimeVersion version() {
        return new RuntimeVersion("simulated", SkiffVersion.version(), "1");
    }

    @Override
    public List<RuntimeContainer> listContainers(Map<String, String> labelFilter, boolean includeExited) {
        return containers.values().stream()
                .map(Entry::status)
                .filter(c -> includeExited || c.state() == ContainerState.RUNNING)
                .filter(c -> labelFilter.entrySet().stream().allMatch(l -> l.getValue().equals(c.label(l.getKey()))))
                .toList();
    }

    @Override
    public RuntimeContainer inspect(String containerId) {
        return entry(containerId).status();
    }

    @Override
    public boolean isImagePresent(String image) {
        return images.contains(ImageReference.withDefaultTag(image));
    }

    @Override
    public void pullImage(String image) {
        String reference = ImageReference.withDefaultTag(image);
        if (!options.registry().test(reference)) {
            throw new ImagePullException(image, "pull access denied for " + reference
                    + ", repository does not exist (simulated registry)");
        }
        images.add(reference);
    }

    @Override
    public String createAndStart(ContainerConfig config) {
        String image = ImageReference.withDefaultTag(config.image());
        if (!images.contains(image)) {
            throw new ContainerCreateException(config.name(), "No such image: " + image, null);
        }
        String id = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        String name = config.name() == null ? "simulated_" + id.substring(0, 12) : config.name();
        if (idsByName.putIfAbsent(name, id) != null) {
            throw new ContainerCreateException(name, "Conflict. The container name \"/" + name
                    + "\" is already in use", null);
        }
        List<String> argv = config.command().isEmpty() && config.args().isEmpty() ? List.of()
                : concat(config.command(), config.args());
        String ip = config.joinsNetworkOf() == null ? allocateIp() : null;
        RuntimeContainer created = new RuntimeContainer(id, name, config.image(), imageId(image), config.labels(),
                ContainerState.CREATED, null, Instant.now(), null, null, false, null);
        containers.put(id, new Entry(created, config, SimulatedProcess.of(argv), ip, new CompletableFuture<>()));
        sleep(options.startLatency());

        String joined = config.joinsNetworkOf();
        if (joined != null) {
            Entry owner = containers.get(joined);
            if (owner == null || owner.status().state() != ContainerState.RUNNING) {
                // As Docker leaves a container whose start failed: created, exit code 128, the error.
                String error = "cannot join network of a non running container: " + joined;
                Entry failed = update(id, e -> e.with(new RuntimeContainer(id, name, config.image(),
                        e.status().imageId(), config.labels(), ContainerState.CREATED, 128,
                        e.status().createdAt(), null, null, false, error)));
                if (failed != null) {
                    failed.exited().complete(null);
                }
                throw new ContainerStartException(id, error, null);
            }
        }
        Entry started = update(id, e -> e.status().state() != ContainerState.CREATED ? e
                : e.with(new RuntimeContainer(id, name, config.image(), e.status().imageId(), config.labels(),
                        ContainerState.RUNNING, null, e.status().createdAt(), Instant.now(), null, false, null)));
        if (started == null) {
            throw new ContainerStartException(id, "container was removed while starting", null);
        }
        SimulatedProcess process = started.process();
        if (process.runFor() != null) {
            exits.schedule(() -> exit(id, process.exitCode()), process.runFor().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.debug("Started simulated container {} ({})", name, id.substring(0, 12));
        return id;
    }

    @Override
    public void stop(String containerId, Duration gracePeriod) {
        entry(containerId);
        boolean graceful = gracePeriod.compareTo(Duration.ZERO) > 0;
        exit(containerId, graceful ? EXIT_SIGTERM : EXIT_SIGKILL);
    }

    @Override
    public void remove(String containerId) {
        Entry removed = containers.remove(containerId);
        if (removed != null) {
            idsByName.remove(removed.status().name(), containerId);
            removed.exited().complete(null);
        }
    }

    @Override
    public Optional<String> podIp(String infraContainerId) {
        Entry entry = entry(infraContainerId);
        return entry.status().state() == ContainerState.RUNNING ? Optional.ofNullable(entry.ip()) : Optional.empty();
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
        Entry entry = entry(containerId);
        if (entry.status().state() != ContainerState.RUNNING) {
            throw new ContainerRuntimeException("exec in container " + containerId + ": container "
                    + containerId + " is not running");
        }
        SimulatedProcess process = SimulatedProcess.of(command);
        String output = process.output().stream().map(line -> line + "\n").reduce("", String::concat);
        // A probe command that would run until stopped (a server) is taken as one that succeeds.
        Duration runFor = process.runFor() == null ? Duration.ZERO : process.runFor();
        if (runFor.compareTo(timeout) > 0) {
            sleep(timeout);
            return ExecResult.timedOut(output);
        }
        sleep(runFor);
        return ExecResult.exited(process.runFor() == null ? 0 : process.exitCode(), output);
    }

    @Override
    public void logs(String containerId, LogOptions logOptions, OutputStream out) {
        Entry entry = entry(containerId);
        List<String> lines = entry.status().startedAt() == null ? List.of() : entry.process().output();
        Instant printedAt = entry.status().startedAt();
        if (logOptions.sinceTime() != null && printedAt != null
                && printedAt.getEpochSecond() < logOptions.sinceTime().getEpochSecond()) {
            lines = List.of();
        }
        if (logOptions.tailLines() != null && lines.size() > logOptions.tailLines()) {
            lines = lines.subList(lines.size() - logOptions.tailLines(), lines.size());
        }
        try {
            for (String line : lines) {
                String text = (logOptions.timestamps() ? printedAt + " " : "") + line + "\n";
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            if (logOptions.follow()) {
                entry.exited().get();
            }
        } catch (IOException readerWentAway) {
            // Nobody is reading any more: the stream is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new ContainerRuntimeException("logs of container " + containerId, e.getCause());
        }
    }

    @Override
    public void close() {
        exits.shutdownNow();
        containers.values().forEach(e -> e.exited().complete(null));
    }

    /** Moves a running container to exited with the given code; anything else is left as it is. */
    private void exit(String id, int exitCode) {
        Entry after = update(id, e -> {
            RuntimeContainer c = e.status();
            return c.state() != ContainerState.RUNNING ? e
                    : e.with(new RuntimeContainer(c.id(), c.name(), c.image(), c.imageId(), c.labels(),
                            ContainerState.EXITED, exitCode, c.createdAt(), c.startedAt(), Instant.now(), false, null));
        });
        if (after != null && after.status().state() == ContainerState.EXITED) {
            after.exited().complete(null);
        }
    }

    /** Applies one transition atomically; null when the container is gone. */
    private Entry update(String id, UnaryOperator<Entry> change) {
        return containers.computeIfPresent(id, (key, entry) -> change.apply(entry));
    }

    private Entry entry(String containerId) {
        Entry entry = containers.get(containerId);
        if (entry == null) {
            throw new ContainerNotFoundException(containerId);
        }
        return entry;
    }

    private String allocateIp() {
        int n = nextIp.getAndIncrement();
        // Two host octets: 254 addresses per third octet, skipping .0 and .255.
        return options.podSubnet() + "." + (n / 254) % 256 + "." + (n % 254 + 1);
    }

    /** A stable content-like id per image reference, shaped as Docker's. */
    private static String imageId(String reference) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("interrupted", e);
        }
    }
}
