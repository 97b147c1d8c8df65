package io.skiff.kubelet.pod;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skiff.api.codec.Json;
import io.skiff.api.core.Container;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of a container's spec that is written on its engine labels: a running container whose
 * label differs from the hash of the spec now wanted was started from another spec and is
 * replaced. It must be the same for the same spec in every kubelet process (a restarted kubelet
 * compares it with what it wrote before), so it is taken over the canonical JSON of the spec
 * with map keys sorted, never over anything in memory.
 */
public final class SpecHash {
    private SpecHash() {}

    private static final ObjectWriter CANONICAL = Json.mapper().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The hash of one app container's spec. */
    public static String of(Container container) {
        return hash(container);
    }

    /** The hash of the infra container: what it runs and which host ports it publishes. */
    public static String ofInfra(String image, List<String> command, Object ports, Object network) {
        return hash(List.of(image, command, ports, String.valueOf(network)));
    }

    private static String hash(Object value) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(value);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a container spec", e);
        }
    }
}
