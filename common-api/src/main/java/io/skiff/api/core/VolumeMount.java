package io.skiff.api.core;

/** Where a pod volume appears inside a container. */
public record VolumeMount(String name, Boolean readOnly, String mountPath, String subPath) {}
