package io.skiff.api.core;

import io.skiff.api.meta.ObjectMeta;

/** The pod a replication controller creates copies of. */
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {}
