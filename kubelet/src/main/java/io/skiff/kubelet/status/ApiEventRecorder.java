package io.skiff.kubelet.status;

import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.client.ApiException;
import io.skiff.client.PatchType;
import io.skiff.client.SkiffClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events written to the apiserver by one background thread, so a pod worker never waits for
 * them. The same event again (same object, container, reason and message) bumps the
 * {@code count} and {@code lastTimestamp} of the first one instead of adding another, as
 * Kubernetes' event correlator does; that is what keeps a crash loop from flooding the events.
 * A full queue drops the event with a log line: events are for people, pods come first.
 */
public final class ApiEventRecorder implements EventRecorder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiEventRecorder.class);
    private static final int QUEUE_CAPACITY = 4096;
    private static final int MAX_REMEMBERED = 4096;

    private record Pending(Pod pod, String containerName, String type, String reason, String message, Instant at) {}

    private record Seen(String name, int count) {}

    private final SkiffClient client;
    private final String nodeName;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    /** Aggregation key -> the event written for it; only the writer thread touches it. */
    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private final Thread writer;

    public ApiEventRecorder(SkiffClient client, String nodeName) {
        this.client = client;
        this.nodeName = nodeName;
        this.writer = Thread.ofVirtual().name("kubelet-events").start(this::run);
    }

    @Override
    public void record(Pod pod, String containerName, String type, String reason, String message) {
        log.debug("Event {} {} for pod {}/{} {}: {}", type, reason, pod.namespace(), pod.name(),
                containerName == null ? "" : containerName, message);
        if (!queue.offer(new Pending(pod, containerName, type, reason, message, Instant.now()))) {
            log.warn("Event queue full, dropped {} for pod {}/{}: {}", reason, pod.namespace(), pod.name(), message);
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                write(queue.take());
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void write(Pending e) {
        String uid = e.pod().metadata().uid();
        String fieldPath = e.containerName() == null ? null : "spec.containers{" + e.containerName() + "}";
        String key = uid + "|" + fieldPath + "|" + e.reason() + "|" + e.message();
        Instant at = e.at().truncatedTo(ChronoUnit.SECONDS);
        try {
            Seen before = seen.get(key);
            if (before != null) {
                int count = before.count() + 1;
                client.events(e.pod().namespace()).patch(before.name(), PatchType.MERGE,
                        "{\"count\":" + count + ",\"lastTimestamp\":\"" + at + "\"}");
                seen.put(key, new Seen(before.name(), count));
                return;
            }
            // Kubernetes names events <object>.<unique hex>.
            String name = e.pod().name() + "." + Long.toHexString(System.nanoTime())
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000));
            ObjectReference involved = new ObjectReference(Pod.KIND, e.pod().namespace(), e.pod().name(), uid,
                    Pod.API_VERSION, null, fieldPath);
            Event event = new Event(ObjectMeta.of(e.pod().namespace(), name), involved, e.reason(), e.message(),
                    new Event.Source("kubelet", nodeName), at, at, 1, e.type(), null, null, "kubelet", nodeName);
            client.events(e.pod().namespace()).create(event);
            seen.put(key, new Seen(name, 1));
        } catch (ApiException ex) {
            if (ex.isNotFound()) {
                seen.remove(key); // the aggregated event expired: the next one starts afresh
            }
            log.info("Could not write event {} for pod {}/{}: {}", e.reason(), e.pod().namespace(), e.pod().name(),
                    ex.getMessage());
        } catch (RuntimeException ex) {
            log.info("Could not write event {} for pod {}/{}: {}", e.reason(), e.pod().namespace(), e.pod().name(),
                    ex.toString());
        }
    }

    @Override
    public void close() {
        writer.interrupt();
    }
}
