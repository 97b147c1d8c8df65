package io.skiff.api.core;

/** Lets a pod run on a node with a matching taint. */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
    public static final String OPERATOR_EXISTS = "Exists";
    public static final String OPERATOR_EQUAL = "Equal";
}
