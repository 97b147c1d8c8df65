package io.skiff.kubelet.server;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The kubelet's figures in Prometheus' text format ({@code /metrics}): pod worker sync durations
 * and pod startup latency as histograms, counters of syncs, failures and status writes, and gauges
 * read at scrape time from the parts that own them.
 */
public final class KubeletMetrics {
    /** Seconds; the upper bounds Kubernetes uses for its kubelet latency histograms. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    public final Histogram podWorkerDuration = new Histogram("kubelet_pod_worker_duration_seconds",
            "Duration in seconds to sync a single pod.");
    public final Histogram podStartDuration = new Histogram("kubelet_pod_start_duration_seconds",
            "Duration in seconds from the kubelet seeing a pod to it running.");
    public final LongAdder syncErrors = new LongAdder();
    public final LongAdder orphansRemoved = new LongAdder();

    private LongSupplier runningPods = () -> 0;
    private LongSupplier knownPods = () -> 0;
    private LongSupplier statusWrites = () -> 0;
    private LongSupplier imagePulls = () -> 0;
    private LongSupplier imagePullFailures = () -> 0;
    private LongSupplier probes = () -> 0;
    private LongSupplier probeFailures = () -> 0;

    /** Wires the gauges and counters owned elsewhere; called once by the kubelet. */
    public void bind(LongSupplier runningPods, LongSupplier knownPods, LongSupplier statusWrites, LongSupplier imagePulls,
                     LongSupplier imagePullFailures, LongSupplier probes, LongSupplier probeFailures) {
        this.runningPods = runningPods;
        this.knownPods = knownPods;
        this.statusWrites = statusWrites;
        this.imagePulls = imagePulls;
        this.imagePullFailures = imagePullFailures;
        this.probes = probes;
        this.probeFailures = probeFailures;
    }

    public String render() {
        StringBuilder sb = new StringBuilder(2048);
        gauge(sb, "kubelet_running_pods", "Number of pods with a running infra container (sandbox).", runningPods.getAsLong());
        gauge(sb, "kubelet_desired_pods", "Number of pods this kubelet should run.", knownPods.getAsLong());
        podWorkerDuration.render(sb);
        podStartDuration.render(sb);
        counter(sb, "kubelet_pod_sync_errors_total", "Pod syncs that failed.", syncErrors.sum());
        counter(sb, "kubelet_pod_status_writes_total", "Pod status writes to the apiserver.", statusWrites.getAsLong());
        counter(sb, "kubelet_image_pulls_total", "Image pulls attempted.", imagePulls.getAsLong());
        counter(sb, "kubelet_image_pull_failures_total", "Image pulls that failed.", imagePullFailures.getAsLong());
        counter(sb, "kubelet_probes_total", "Liveness and readiness probes run.", probes.getAsLong());
        counter(sb, "kubelet_probe_failures_total", "Liveness and readiness probes that failed.", probeFailures.getAsLong());
        counter(sb, "kubelet_orphan_containers_removed_total", "Containers removed because no pod wants them.",
                orphansRemoved.sum());
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    /** A cumulative histogram with fixed buckets. */
    public static final class Histogram {
        private final String name;
        private final String help;
        private final LongAdder[] counts = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        Histogram(String name, String help) {
            this.name = name;
            this.help = help;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        public void observe(Duration d) {
            double seconds = d.toNanos() / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                }
            }
            count.increment();
            sumNanos.add(d.toNanos());
        }

        public long count() {
            return count.sum();
        }

        void render(StringBuilder sb) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" histogram\n");
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append(name).append("_bucket{le=\"").append(BUCKETS[i]).append("\"} ").append(counts[i].sum()).append('\n');
            }
            long n = count.sum();
            sb.append(name).append("_bucket{le=\"+Inf\"} ").append(n).append('\n')
                    .append(name).append("_sum ").append(String.format(Locale.ROOT, "%.6f", sumNanos.sum() / 1e9)).append('\n')
                    .append(name).append("_count ").append(n).append('\n');
        }
    }
}
