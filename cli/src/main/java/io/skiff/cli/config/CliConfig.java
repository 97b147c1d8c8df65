package io.skiff.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.skiff.api.codec.Yaml;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's config file, {@code ~/.skiff/config} ({@code SKIFF_CONFIG} names another): which
 * apiserver plain {@code skiff get pods} talks to, and how. {@code skiff up} writes it; flags and
 * the environment win over it. A small YAML file:
 *
 * <pre>
 * server: http://127.0.0.1:8080
 * token: 0123456789abcdef                      # optional bearer token
 * certificate-authority: ca.crt                # optional; relative to the file's directory
 * insecure-skip-tls-verify: false              # optional
 * namespace: default                           # optional; the namespace when -n is not given
 * </pre>
 *
 * Unknown keys are an error (a misspelt {@code sever:} would otherwise be silently ignored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"server", "token", "certificate-authority", "insecure-skip-tls-verify", "namespace"})
public record CliConfig(
        @JsonProperty("server") String server,
        @JsonProperty("token") String token,
        @JsonProperty("certificate-authority") String certificateAuthority,
        @JsonProperty("insecure-skip-tls-verify") Boolean insecureSkipTlsVerify,
        @JsonProperty("namespace") String namespace) {

    public static final String ENV_CONFIG = "SKIFF_CONFIG";
    private static final List<String> KEYS =
            List.of("server", "token", "certificate-authority", "insecure-skip-tls-verify", "namespace");

    public static CliConfig forServer(String server) {
        return new CliConfig(server, null, null, null, null);
    }

    public CliConfig withToken(String v) {
        return new CliConfig(server, v, certificateAuthority, insecureSkipTlsVerify, namespace);
    }

    public CliConfig withCertificateAuthority(String v) {
        return new CliConfig(server, token, v, insecureSkipTlsVerify, namespace);
    }

    public CliConfig withInsecureSkipTlsVerify(Boolean v) {
        return new CliConfig(server, token, certificateAuthority, v, namespace);
    }

    public CliConfig withNamespace(String v) {
        return new CliConfig(server, token, certificateAuthority, insecureSkipTlsVerify, v);
    }

    /** {@code $SKIFF_CONFIG}, else {@code ~/.skiff/config} under {@code home}. */
    public static Path path(Map<String, String> env, Path home) {
        String explicit = env.get(ENV_CONFIG);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.strip());
        }
        return home.resolve(".skiff").resolve("config");
    }

    /** The file's config, or empty when there is no file; a file that cannot be read is an error. */
    public static Optional<CliConfig> load(Path file) throws CliConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CliConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            return Optional.of(new CliConfig(null, null, null, null, null));
        }
        try {
            CliConfig config = Yaml.mapper().readerFor(CliConfig.class)
                    // a misspelt key is an error; "---" alone (an empty document) is an empty config
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                    .readValue(text);
            return Optional.of(config != null ? config : new CliConfig(null, null, null, null, null));
        } catch (UnrecognizedPropertyException e) {
            throw new CliConfigException("the config file " + file + " has an unknown key \"" + e.getPropertyName()
                    + "\" (known: " + String.join(", ", KEYS) + ")", e);
        } catch (JsonProcessingException e) {
            throw new CliConfigException("the config file " + file + " is not valid: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + locate(e), e);
        }
    }

    /**
     * Writes the file atomically (a temporary file moved over it), readable by its owner only since
     * it may hold a token; creates the directory ({@code 0700}) when missing.
     */
    public void save(Path file) throws CliConfigException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path tmp = posix
                    ? Files.createTempFile(dir, ".config", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".config", ".tmp");
            try {
                Files.writeString(tmp, "# The skiff CLI's server and credentials (written by skiff up).\n"
                        + Yaml.mapper().writeValueAsString(this));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliConfigException("cannot write the config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The CA file: a relative path is relative to the config file's directory, as in a kubeconfig. */
    public Path certificateAuthorityPath(Path configFile) {
        if (certificateAuthority == null || certificateAuthority.isBlank()) {
            return null;
        }
        Path ca = Path.of(certificateAuthority);
        Path dir = configFile.toAbsolutePath().getParent();
        return ca.isAbsolute() || dir == null ? ca : dir.resolve(ca);
    }

    private static String locate(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "CliConfig[server=" + server + ", token=" + (token == null ? "none" : "set") + ", certificateAuthority="
                + certificateAuthority + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify + ", namespace="
                + namespace + "]";
    }
}
