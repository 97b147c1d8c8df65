package io.skiff.kubelet.config;

import io.skiff.api.core.Pod;
import io.skiff.client.informer.ResourceEventHandler;
import io.skiff.client.informer.SharedInformer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pods the apiserver binds to this node: a shared informer on {@code spec.nodeName=<node>}
 * feeding {@link PodConfig}. Mirror pods are the kubelet's own reflection of static pods and are
 * never run from here.
 */
public final class ApiserverPodSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiserverPodSource.class);

    private final SharedInformer<Pod> informer;
    private final PodConfig config;
    private SharedInformer.Registration registration;
    private Thread syncWaiter;

    public ApiserverPodSource(SharedInformer<Pod> informer, PodConfig config) {
        this.informer = informer;
        this.config = config;
    }

    public void start() {
        registration = informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                if (!MirrorPods.isMirror(pod)) {
                    config.set(PodConfig.Source.API, pod);
                }
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                onAdd(newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                config.remove(PodConfig.Source.API, pod.metadata().uid());
            }
        });
        informer.start();
        syncWaiter = Thread.ofVirtual().name("kubelet-api-source-sync").start(() -> {
            try {
                while (!informer.waitForSync(Duration.ofSeconds(30))) {
                    log.info("Still waiting for the first list of pods from the apiserver");
                }
                config.markReady(PodConfig.Source.API);
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    @Override
    public void close() {
        if (syncWaiter != null) {
            syncWaiter.interrupt();
        }
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                log.debug("closing the pod handler: {}", e.toString());
            }
        }
    }
}
