package io.skiff.api.core;

/** What the kubelet last observed of one container. */
public record ContainerStatus(
        String name,
        ContainerState state,
        ContainerState lastState,
        Boolean ready,
        Integer restartCount,
        String image,
        String imageID,
        String containerID,
        Boolean started) {}
