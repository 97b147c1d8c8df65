package io.skiff.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real services a test needs are: {@code scripts/test-deps} starts them and exports
 * their addresses. A missing service fails the test with a message saying how to get it, locally
 * and in CI alike: a skipped test checks nothing, and a broken setup must never look green.
 */
public final class TestEnvironment {
    private TestEnvironment() {}

    /** The etcd client URL, e.g. {@code http://127.0.0.1:2379}. */
    public static String etcd() {
        return require("SKIFF_TEST_ETCD", "a real etcd");
    }

    /** The Docker engine, e.g. {@code unix:///var/run/docker.sock}. */
    public static String docker() {
        String value = System.getenv("SKIFF_TEST_DOCKER");
        if (value == null || value.isBlank()) {
            value = System.getenv("DOCKER_HOST");
        }
        if ((value == null || value.isBlank()) && Files.exists(Path.of("/var/run/docker.sock"))) {
            value = "unix:///var/run/docker.sock";
        }
        return requireValue("SKIFF_TEST_DOCKER", value, "a real Docker engine");
    }

    /** A local image with busybox in it (sh, httpd, nc, wget, sleep, ...). */
    public static String busyboxImage() {
        String value = System.getenv("SKIFF_TEST_BUSYBOX_IMAGE");
        return value == null || value.isBlank() ? "busybox:latest" : value;
    }

    /** The local etcd image for Testcontainers tests. */
    public static String etcdImage() {
        String value = System.getenv("SKIFF_TEST_ETCD_IMAGE");
        return value == null || value.isBlank() ? "skiff-test/etcd:3.4" : value;
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Reads an environment variable naming a service; fails the test clearly without it. */
    public static String require(String variable, String what) {
        return requireValue(variable, System.getenv(variable), what);
    }

    private static String requireValue(String variable, String value, String what) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        throw new AssertionError("this test needs " + what + " and " + variable + " is not set: run"
                + " scripts/test (or scripts/test-deps, then source .skiff-test/env)");
    }
}
