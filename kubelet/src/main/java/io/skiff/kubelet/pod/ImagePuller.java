package io.skiff.kubelet.pod;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerState;
import io.skiff.api.core.Pod;
import io.skiff.api.defaults.Defaults;
import io.skiff.kubelet.runtime.ContainerRuntime;
import io.skiff.kubelet.runtime.ImagePullException;
import io.skiff.kubelet.status.EventRecorder;
import io.skiff.kubelet.status.EventRecorder.Reasons;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes a container's image present as its {@code imagePullPolicy} says (Kubernetes'
 * {@code EnsureImageExists}): {@code Never} uses only what is there ({@code ErrImageNeverPull}
 * otherwise), {@code IfNotPresent} pulls when missing, {@code Always} pulls every time a container
 * starts. A failed pull is {@code ErrImagePull} with the engine's message; until its back-off
 * (per pod and image) passes, the next tries answer {@code ImagePullBackOff} without pulling.
 */
public final class ImagePuller {
    private final ContainerRuntime runtime;
    private final EventRecorder events;
    private final Backoff backoff;
    /** The engine's last word per back-off key, repeated while the pull backs off. */
    private final ConcurrentHashMap<String, String> lastErrors = new ConcurrentHashMap<>();
    private final LongAdder pulls = new LongAdder();
    private final LongAdder pullFailures = new LongAdder();

    public ImagePuller(ContainerRuntime runtime, EventRecorder events, Backoff backoff) {
        this.runtime = runtime;
        this.events = events;
        this.backoff = backoff;
    }

    /** The image is there, or why the container has to wait. */
    public sealed interface Result permits Present, Waiting {}

    public record Present() implements Result {}

    /** @param retryIn when it is worth trying again */
    public record Waiting(ContainerState.Waiting reason, Duration retryIn) implements Result {}

    public Result ensure(Pod pod, Container c) {
        String image = c.image();
        String policy = c.imagePullPolicy() != null ? c.imagePullPolicy() : Defaults.pullPolicyFor(image);
        boolean present = runtime.isImagePresent(image);
        if (Container.PULL_NEVER.equals(policy)) {
            if (present) {
                return new Present();
            }
            String message = "Container image \"" + image + "\" is not present with pull policy of Never";
            events.warning(pod, c.name(), Reasons.ERR_IMAGE_NEVER_PULL, message);
            return new Waiting(new ContainerState.Waiting(ContainerState.Waiting.REASON_ERR_IMAGE_NEVER_PULL, message),
                    null);
        }
        if (present && Container.PULL_IF_NOT_PRESENT.equals(policy)) {
            return new Present();
        }
        String key = pod.metadata().uid() + "/" + image;
        Duration wait = backoff.remainingSinceUpdate(key);
        if (wait.isPositive()) {
            String last = lastErrors.get(key);
            String message = "Back-off pulling image \"" + image + "\"" + (last == null ? "" : ": " + last);
            events.normal(pod, c.name(), Reasons.BACK_OFF, message);
            return new Waiting(new ContainerState.Waiting(ContainerState.Waiting.REASON_IMAGE_PULL_BACK_OFF, message),
                    wait);
        }
        events.normal(pod, c.name(), Reasons.PULLING, "Pulling image \"" + image + "\"");
        long start = System.nanoTime();
        try {
            pulls.increment();
            runtime.pullImage(image);
        } catch (ImagePullException e) {
            pullFailures.increment();
            Duration next = backoff.next(key);
            lastErrors.put(key, e.engineMessage());
            events.warning(pod, c.name(), Reasons.FAILED, "Failed to pull image \"" + image + "\": " + e.engineMessage());
            return new Waiting(new ContainerState.Waiting(ContainerState.Waiting.REASON_ERR_IMAGE_PULL, e.getMessage()),
                    next);
        }
        lastErrors.remove(key);
        events.normal(pod, c.name(), Reasons.PULLED, "Successfully pulled image \"" + image + "\" in "
                + (System.nanoTime() - start) / 1_000_000 + "ms");
        return new Present();
    }

    /** The infra image: pulled only when missing, whatever its tag, as the kubelet does for its sandbox image. */
    public void ensureInfra(String image) {
        if (!runtime.isImagePresent(image)) {
            pulls.increment();
            try {
                runtime.pullImage(image);
            } catch (ImagePullException e) {
                pullFailures.increment();
                throw e;
            }
        }
    }

    /** Forgets the back-off state of a pod that is gone. */
    public void forget(String podUid) {
        backoff.forgetPrefix(podUid + "/");
        lastErrors.keySet().removeIf(k -> k.startsWith(podUid + "/"));
    }

    public long pulls() {
        return pulls.sum();
    }

    public long pullFailures() {
        return pullFailures.sum();
    }
}
