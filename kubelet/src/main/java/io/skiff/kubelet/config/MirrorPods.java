package io.skiff.kubelet.config;

import io.skiff.api.core.Pod;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.client.ApiException;
import io.skiff.client.SkiffClient;
import io.skiff.client.informer.Indexer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static pods run from files, which the apiserver never sees; each gets a mirror pod there (same
 * name and spec, annotated {@code kubernetes.io/config.mirror}) so users see it and its status.
 * The mirror is recreated when deleted or when the file changes; the kubelet never runs a mirror.
 */
public final class MirrorPods {
    private static final Logger log = LoggerFactory.getLogger(MirrorPods.class);

    public static final String CONFIG_MIRROR = "kubernetes.io/config.mirror";
    public static final String CONFIG_HASH = "kubernetes.io/config.hash";
    public static final String CONFIG_SOURCE = "kubernetes.io/config.source";
    public static final String CONFIG_SEEN = "kubernetes.io/config.seen";

    private final SkiffClient client;
    private final Indexer<Pod> apiPods;

    public MirrorPods(SkiffClient client, Indexer<Pod> apiPods) {
        this.client = client;
        this.apiPods = apiPods;
    }

    public static boolean isMirror(Pod pod) {
        return annotation(pod, CONFIG_MIRROR) != null;
    }

    public static boolean isStatic(Pod pod) {
        return "file".equals(annotation(pod, CONFIG_SOURCE));
    }

    /** The current mirror of a static pod, if the apiserver has one. */
    public Optional<Pod> mirrorOf(Pod staticPod) {
        return apiPods.get(staticPod.namespace(), staticPod.name())
                .filter(p -> staticPod.metadata().uid().equals(annotation(p, CONFIG_MIRROR))
                        && p.metadata().deletionTimestamp() == null);
    }

    /** Creates the static pod's mirror, replacing a stale one (other file content, or being deleted). */
    public void ensure(Pod staticPod) {
        Optional<Pod> existing = apiPods.get(staticPod.namespace(), staticPod.name());
        String hash = staticPod.metadata().uid();
        if (existing.isPresent()) {
            Pod p = existing.get();
            if (!isMirror(p)) {
                log.warn("Pod {}/{} exists and is not the mirror of the static pod of that name: static pod not mirrored",
                        p.namespace(), p.name());
                return;
            }
            if (hash.equals(annotation(p, CONFIG_MIRROR)) && p.metadata().deletionTimestamp() == null) {
                return;
            }
            delete(p);
        }
        Map<String, String> annotations = new HashMap<>(staticPod.metadata().annotations());
        annotations.put(CONFIG_MIRROR, hash);
        ObjectMeta meta = ObjectMeta.of(staticPod.namespace(), staticPod.name())
                .withLabels(staticPod.metadata().labels())
                .withAnnotations(annotations);
        try {
            client.pods(staticPod.namespace()).create(new Pod(meta, staticPod.spec(), null));
            log.info("Created mirror pod {}/{}", staticPod.namespace(), staticPod.name());
        } catch (ApiException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            // Created by an earlier sync the cache has not shown yet.
        }
    }

    /** Deletes the mirror of a static pod that is gone. */
    public void deleteMirrorOf(Pod staticPod) {
        apiPods.get(staticPod.namespace(), staticPod.name())
                .filter(p -> staticPod.metadata().uid().equals(annotation(p, CONFIG_MIRROR)))
                .ifPresent(this::delete);
    }

    private void delete(Pod mirror) {
        try {
            client.pods(mirror.namespace()).delete(mirror.name(), new DeleteOptions(0L,
                    new DeleteOptions.Preconditions(mirror.metadata().uid(), null), null, null, null));
            log.info("Deleted mirror pod {}/{}", mirror.namespace(), mirror.name());
        } catch (ApiException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                throw e;
            }
        }
    }

    private static String annotation(Pod pod, String key) {
        Map<String, String> a = pod.metadata() == null ? null : pod.metadata().annotations();
        return a == null ? null : a.get(key);
    }
}
