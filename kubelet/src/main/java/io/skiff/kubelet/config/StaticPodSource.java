package io.skiff.kubelet.config;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static pods: the manifests in {@code --manifest-dir}, read again every check period, so added,
 * changed and removed files are noticed. As in Kubernetes, each pod is named
 * {@code <name>-<node>}, defaults to the {@code default} namespace, is bound to this node, and
 * its uid is a hash of the file, the node and the content: a changed file is a new pod (the old
 * one is killed, the new one started). A file that does not hold valid pods is reported once
 * (per content) and skipped; it never takes the other files' pods down.
 */
public final class StaticPodSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StaticPodSource.class);

    private final Path dir;
    private final String nodeName;
    private final PodConfig config;
    private final Duration period;
    private final Scheme scheme;
    /** Bad content already reported, by file: not repeated every period. */
    private final Map<Path, String> reported = new HashMap<>();
    private Thread thread;

    public StaticPodSource(Path dir, String nodeName, PodConfig config, Duration period, Scheme scheme) {
        this.dir = dir;
        this.nodeName = nodeName;
        this.config = config;
        this.period = period;
        this.scheme = scheme;
    }

    public void start() {
        thread = Thread.ofVirtual().name("kubelet-manifest-dir").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        config.replaceAll(PodConfig.Source.FILE, scan());
                        config.markReady(PodConfig.Source.FILE);
                    } catch (RuntimeException e) {
                        log.warn("Reading manifest directory {} failed: {}", dir, e.toString());
                    }
                    Thread.sleep(period);
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    /** The pods of every manifest in the directory now. */
    List<Pod> scan() {
        List<Pod> pods = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pods;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(StaticPodSource::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e, e);
        }
        for (Path file : files) {
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("Cannot read manifest {}: {}", file, e.toString());
                continue;
            }
            try {
                pods.addAll(podsOf(file, content));
                reported.remove(file);
            } catch (IllegalArgumentException | DecodeException e) {
                if (!content.equals(reported.put(file, content))) {
                    log.warn("Manifest {} is skipped: {}", file, e.getMessage());
                }
            }
        }
        return pods;
    }

    private List<Pod> podsOf(Path file, String content) throws DecodeException {
        List<Pod> pods = new ArrayList<>();
        List<ApiObject> objects = scheme.decodeManifest(content);
        for (int i = 0; i < objects.size(); i++) {
            if (!(objects.get(i) instanceof Pod pod)) {
                throw new IllegalArgumentException("it holds a " + objects.get(i).kind() + "; a manifest holds pods");
            }
            pods.add(staticPod(pod, file + "#" + i, content));
        }
        return pods;
    }

    private Pod staticPod(Pod pod, String source, String content) {
        ObjectMeta meta = pod.metadataOrEmpty();
        if (meta.name() == null || meta.name().isEmpty()) {
            throw new IllegalArgumentException("a static pod needs metadata.name");
        }
        String uid = hash(nodeName + "\n" + source + "\n" + content);
        Map<String, String> annotations = new HashMap<>(meta.annotations() == null ? Map.of() : meta.annotations());
        annotations.put(MirrorPods.CONFIG_SOURCE, "file");
        annotations.put(MirrorPods.CONFIG_HASH, uid);
        annotations.put(MirrorPods.CONFIG_SEEN, Instant.EPOCH.toString());
        ObjectMeta m = meta.withName(meta.name() + "-" + nodeName)
                .withNamespace(meta.namespace() == null || meta.namespace().isEmpty() ? "default" : meta.namespace())
                .withUid(uid)
                .withAnnotations(annotations)
                .withResourceVersion(null);
        Pod result = Defaults.pod(new Pod(m, pod.spec() == null ? null : pod.spec().withNodeName(nodeName), null));
        List<FieldError> errors = Validators.validate(result.withMetadata(m.withUid(null)));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid pod: " + String.join("; ",
                    errors.stream().map(FieldError::message).toList()));
        }
        return result;
    }

    private static boolean isManifest(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
