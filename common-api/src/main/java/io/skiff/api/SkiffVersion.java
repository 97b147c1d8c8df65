package io.skiff.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, as the CLI prints it and the apiserver serves it at {@code /version}. */
public final class SkiffVersion {
    /** The Kubernetes minor version whose core/v1 wire format Skiff speaks; clients look at it. */
    public static final String KUBERNETES_COMPAT = "v1.20.0";

    private static final String VERSION = load();

    private SkiffVersion() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SkiffVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
