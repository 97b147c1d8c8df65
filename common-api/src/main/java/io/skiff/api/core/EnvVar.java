package io.skiff.api.core;

/** An environment variable of a container. */
public record EnvVar(String name, String value) {}
