package io.skiff.api.core;

import io.skiff.api.resource.Quantity;
import java.util.Map;

/** Compute resources ({@code cpu}, {@code memory}, ...) a container may use and asks for. */
public record ResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String PODS = "pods";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
}
