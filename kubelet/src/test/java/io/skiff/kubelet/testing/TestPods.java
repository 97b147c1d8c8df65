package io.skiff.kubelet.testing;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.testing.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pods and containers for kubelet tests: busybox, never pulled, a 1 s grace period. */
public final class TestPods {
    private TestPods() {}

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A busybox container running {@code sh -c script}. */
    public static Container shell(String name, String script) {
        return Container.of(name, TestEnvironment.busyboxImage())
                .withCommand(List.of("sh", "-c", script))
                .withImagePullPolicy(Container.PULL_NEVER);
    }

    /** The container with another image (Container has no wither for it). */
    public static Container withImage(Container c, String image) {
        return new Container(c.name(), image, c.command(), c.args(), c.workingDir(), c.ports(), c.env(), c.resources(),
                c.volumeMounts(), c.livenessProbe(), c.readinessProbe(), c.terminationMessagePath(),
                c.terminationMessagePolicy(), c.imagePullPolicy());
    }

    public static Pod pod(String name, Container... containers) {
        return new Pod(ObjectMeta.of("default", name), PodSpec.of(List.of(containers))
                .withTerminationGracePeriodSeconds(1L), null);
    }

    public static Pod withRestartPolicy(Pod pod, String policy) {
        return pod.withSpec(pod.spec().withRestartPolicy(policy));
    }

    public static boolean isRunning(Pod pod) {
        return pod.status() != null && PodStatus.PHASE_RUNNING.equals(pod.status().phase());
    }

    public static boolean phase(Pod pod, String phase) {
        return pod.status() != null && phase.equals(pod.status().phase());
    }

    public static boolean isReady(Pod pod) {
        return condition(pod, PodCondition.TYPE_READY).map(c -> PodCondition.TRUE.equals(c.status())).orElse(false);
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.status() == null || pod.status().conditions() == null) {
            return Optional.empty();
        }
        return pod.status().conditions().stream().filter(c -> type.equals(c.type())).findFirst();
    }

    public static Optional<ContainerStatus> container(Pod pod, String name) {
        if (pod.status() == null || pod.status().containerStatuses() == null) {
            return Optional.empty();
        }
        return pod.status().containerStatuses().stream().filter(s -> name.equals(s.name())).findFirst();
    }

    public static int restartCount(Pod pod, String name) {
        return container(pod, name).map(ContainerStatus::restartCount).orElse(0);
    }

    public static String waitingReason(Pod pod, String name) {
        return container(pod, name).map(s -> s.state() == null || s.state().waiting() == null ? null
                : s.state().waiting().reason()).orElse(null);
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
