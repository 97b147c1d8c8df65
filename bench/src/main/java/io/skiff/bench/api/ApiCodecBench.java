package io.skiff.bench.api;

import static io.skiff.bench.support.Stats.median;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.Validators;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the apiserver does to every pod it accepts, on one thread: decode the v1 JSON into the hub,
 * default, validate, encode back to v1 JSON; in objects per second. Beside it, each stage alone,
 * and the physical limit measured in the same run: Jackson parsing the same bytes into a tree and
 * writing that tree back, with no binding, defaulting or validation (no codec can beat it).
 *
 * <p>Rates are per second of this thread's CPU time, which is what "on one core" means on a machine
 * shared with other work (wall-clock rates drop with every other busy process; the wall-clock
 * figure is printed too). After a warm-up, measured rounds of fixed CPU duration alternate
 * between the stages, so drift hits all alike; the table shows the median round and the spread
 * (min-max as a share of the median). Everything is bounded: the rounds and warm-up are fixed
 * amounts of CPU time, and a wall-clock cap ({@code --max-seconds}) stops a starved run.
 *
 * <pre>java ... io.skiff.bench.api.ApiCodecBench [--pod common-api/src/test/resources/golden/v1/pod.json]
 *     [--warmup-seconds 10] [--rounds 5] [--round-millis 2000] [--max-seconds 300]</pre>
 */
public final class ApiCodecBench {

    private static final String PIPELINE = "decode+default+validate+encode";
    private static final String CREATE_BODY = "  same, create body (no status)";

    /** One measured operation; returns something derived from its output so the JIT cannot drop it. */
    @FunctionalInterface
    interface Op {
        long run() throws Exception;
    }

    private final Scheme scheme = Scheme.defaultScheme();
    private final byte[] podJson;
    /** What a client sends to create that pod: no status, no whitespace. */
    private final byte[] createJson;
    private final Pod pod;
    private final Pod defaulted;
    private final int warmupSeconds;
    private final int rounds;
    private final int roundMillis;
    private final long wallDeadline;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long sink;

    private ApiCodecBench(Map<String, String> args) throws Exception {
        Path file = Path.of(args.getOrDefault("pod", "common-api/src/test/resources/golden/v1/pod.json"));
        podJson = Files.readAllBytes(file);
        warmupSeconds = Integer.parseInt(args.getOrDefault("warmup-seconds", "10"));
        rounds = Integer.parseInt(args.getOrDefault("rounds", "5"));
        roundMillis = Integer.parseInt(args.getOrDefault("round-millis", "2000"));
        long maxSeconds = Long.parseLong(args.getOrDefault("max-seconds", "300"));
        wallDeadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(podJson);
        tree.remove("status");
        createJson = Json.mapper().writeValueAsBytes(tree);
        pod = (Pod) scheme.decode(podJson);
        defaulted = Defaults.apply(pod);
        List<FieldError> errors = Validators.validate(defaulted);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(file + " is not a valid pod: " + errors);
        }
    }

    public static void main(String[] argv) throws Exception {
        new ApiCodecBench(parse(argv)).run();
    }

    private void run() throws Exception {
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put(PIPELINE, () -> pipeline(podJson));
        ops.put(CREATE_BODY, () -> pipeline(createJson));
        ops.put("  decode (v1 JSON -> hub)", () -> scheme.decode(podJson).hashCode());
        ops.put("  default", () -> Defaults.apply(pod).hashCode());
        ops.put("  validate", () -> Validators.validate(defaulted).size());
        ops.put("  encode (hub -> v1 JSON)", () -> scheme.encode(defaulted).length);
        ops.put("limit: Jackson tree parse+write", this::jacksonLimit);

        System.out.printf(Locale.ROOT, "pod JSON: %d bytes (create body %d bytes); JVM %s; %d CPUs visible; one thread%n",
                podJson.length, createJson.length, Runtime.version(), Runtime.getRuntime().availableProcessors());
        long warmupEnd = cpuNanos() + Duration.ofSeconds(warmupSeconds).toNanos();
        while (cpuNanos() < warmupEnd) {
            for (Op op : ops.values()) {
                measure(op, 100);
            }
        }
        Map<String, List<Double>> results = new LinkedHashMap<>();
        ops.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        List<Double> wallRates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                double[] rates = measure(e.getValue(), roundMillis);
                results.get(e.getKey()).add(rates[0]);
                if (e.getKey().equals(PIPELINE)) {
                    wallRates.add(rates[1]);
                }
            }
        }
        double limit = median(results.get("limit: Jackson tree parse+write"));
        System.out.printf(Locale.ROOT, "%-34s %14s %10s %12s %10s%n", "what", "objects/cpu-s", "spread", "us/object",
                "vs limit");
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            List<Double> v = e.getValue();
            double med = median(v);
            double spread = (v.stream().mapToDouble(d -> d).max().orElse(0) - v.stream().mapToDouble(d -> d).min().orElse(0)) / med;
            System.out.printf(Locale.ROOT, "%-34s %,14.0f %9.1f%% %12.2f %9.2fx%n", e.getKey(), med, spread * 100,
                    1e6 / med, med / limit);
        }
        System.out.printf(Locale.ROOT, "rounds: %d x %d ms of CPU per line, median shown; pipeline wall-clock median "
                + "%,.0f objects/s; load average %.1f (sink %d)%n", rounds, roundMillis, median(wallRates),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink & 1);
    }

    /** The apiserver's path for a pod create, minus storage. */
    private long pipeline(byte[] json) throws Exception {
        ApiObject decoded = scheme.decode(json);
        Pod p = Defaults.apply((Pod) decoded);
        List<FieldError> errors = Validators.validate(p);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the golden pod became invalid: " + errors);
        }
        return scheme.encode(p).length;
    }

    private long jacksonLimit() throws Exception {
        JsonNode tree = Json.mapper().readTree(podJson);
        return Json.mapper().writeValueAsBytes(tree).length;
    }

    /**
     * Runs {@code op} for about {@code millis} of this thread's CPU time, checking every 64 calls;
     * returns calls per CPU second and per wall-clock second.
     */
    private double[] measure(Op op, long millis) throws Exception {
        long wallStart = System.nanoTime();
        long start = cpuNanos();
        long deadline = start + millis * 1_000_000L;
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sink += op.run();
            }
            count += 64;
            now = cpuNanos();
            if (System.nanoTime() > wallDeadline) {
                throw new IllegalStateException("over --max-seconds: the machine is too busy to measure");
            }
        } while (now < deadline);
        return new double[] {count * 1e9 / (now - start), count * 1e9 / (System.nanoTime() - wallStart)};
    }

    private long cpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("usage: ApiCodecBench [--pod FILE] [--warmup-seconds N] [--rounds N] "
                        + "[--round-millis N] [--max-seconds N]; got " + Arrays.toString(argv));
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }
}
