package io.skiff.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.skiff.api.meta.IntOrString;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The v1beta1 pod as Kubernetes v0.5 served it: {@code desiredState} / {@code currentState},
 * each a {@link PodState} around a container {@link ContainerManifest}. Field names, nesting and
 * JSON types are v0.5's; a few earlier 2014 spellings are accepted on input only (noted per field).
 */
public final class PodTypes {
    private PodTypes() {}

    @JsonPropertyOrder({"labels", "desiredState", "currentState", "nodeSelector"})
    public record Pod(@JsonUnwrapped TypeMeta meta, Map<String, String> labels, PodState desiredState,
            PodState currentState, Map<String, String> nodeSelector) {}

    public record PodList(@JsonUnwrapped TypeMeta meta, List<Pod> items) {}

    /** Desired (input) or current (observed) state of a pod; {@code info} is keyed by container name. */
    @JsonPropertyOrder({"manifest", "status", "host", "hostIP", "podIP", "info"})
    public record PodState(ContainerManifest manifest, String status, String host, String hostIP, String podIP,
            Map<String, ContainerStatus> info) {}

    /** The container manifest of Google's container VMs, which the pod wrapped in 2014. */
    @JsonPropertyOrder({"version", "id", "uuid", "volumes", "containers", "restartPolicy"})
    public record ContainerManifest(String version, String id, String uuid, List<Volume> volumes,
            List<Container> containers, RestartPolicy restartPolicy) {}

    /** A pod volume; a missing {@code source} meant an empty directory. */
    public record Volume(String name, VolumeSource source) {}

    public record VolumeSource(HostDir hostDir, Empty emptyDir) {}

    public record HostDir(String path) {}

    /** The {@code {}} of {@code emptyDir} and of the chosen restart policy. */
    public record Empty() {}

    /**
     * {@code {"always":{}}}, {@code {"onFailure":{}}} or {@code {"never":{}}}. Input also takes
     * the keys in any case and the policy as a plain string ({@code "OnFailure"}).
     */
    @JsonDeserialize(using = RestartPolicy.Deserializer.class)
    @JsonPropertyOrder({"always", "onFailure", "never"})
    public record RestartPolicy(Empty always, Empty onFailure, Empty never) {
        static final RestartPolicy ALWAYS = new RestartPolicy(new Empty(), null, null);
        static final RestartPolicy ON_FAILURE = new RestartPolicy(null, new Empty(), null);
        static final RestartPolicy NEVER = new RestartPolicy(null, null, new Empty());

        static final class Deserializer extends StdDeserializer<RestartPolicy> {
            Deserializer() {
                super(RestartPolicy.class);
            }

            @Override
            public RestartPolicy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode node = ctxt.readTree(p);
                if (node.isTextual()) {
                    return named(p, node.asText(), node.asText());
                }
                if (!node.isObject()) {
                    throw InvalidFormatException.from(p, "expected an object such as {\"always\":{}}, got "
                            + node.getNodeType().toString().toLowerCase(Locale.ROOT), node, RestartPolicy.class);
                }
                RestartPolicy chosen = new RestartPolicy(null, null, null);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNull()) {
                        continue; // a nil pointer in Go: not chosen
                    }
                    if (!e.getValue().isObject()) {
                        throw InvalidFormatException.from(p, "\"" + e.getKey() + "\" takes an object: {\""
                                + e.getKey() + "\":{}}", node, RestartPolicy.class);
                    }
                    if (chosen.always != null || chosen.onFailure != null || chosen.never != null) {
                        throw InvalidFormatException.from(p, "only one of always, onFailure, never may be set",
                                node, RestartPolicy.class);
                    }
                    chosen = named(p, e.getKey(), node);
                }
                return chosen;
            }

            private static RestartPolicy named(JsonParser p, String name, Object value) throws IOException {
                return switch (name.toLowerCase(Locale.ROOT)) {
                    case "always" -> ALWAYS;
                    case "onfailure" -> ON_FAILURE;
                    case "never" -> NEVER;
                    default -> throw InvalidFormatException.from(p, "unknown restart policy \"" + name
                            + "\" (expected always, onFailure or never)", value, RestartPolicy.class);
                };
            }
        }
    }

    /**
     * One container. {@code memory} is a limit in bytes and {@code cpu} in thousandths of a core,
     * both JSON integers (0 or absent: unlimited); input also takes quantity strings
     * ({@code "128Mi"}, {@code "500m"}). {@code command} replaced the image's CMD.
     */
    @JsonPropertyOrder({"name", "image", "command", "workingDir", "ports", "env", "memory", "cpu", "volumeMounts",
            "livenessProbe", "terminationMessagePath", "imagePullPolicy"})
    public record Container(
            String name,
            String image,
            List<String> command,
            String workingDir,
            List<Port> ports,
            List<EnvVar> env,
            @JsonDeserialize(using = ResourceAmounts.Bytes.class) Long memory,
            @JsonDeserialize(using = ResourceAmounts.MilliCores.class) Long cpu,
            List<VolumeMount> volumeMounts,
            LivenessProbe livenessProbe,
            String terminationMessagePath,
            String imagePullPolicy) {}

    @JsonPropertyOrder({"name", "hostPort", "containerPort", "protocol", "hostIP"})
    public record Port(String name, Integer hostPort, Integer containerPort, String protocol, String hostIP) {}

    /** {@code key} is the earlier spelling of {@code name}, read but never written. */
    @JsonPropertyOrder({"name", "key", "value"})
    public record EnvVar(String name, String key, String value) {}

    /** {@code path} is the earlier spelling of {@code mountPath}, read but never written. */
    @JsonPropertyOrder({"name", "readOnly", "mountPath", "path"})
    public record VolumeMount(String name, Boolean readOnly, String mountPath, String path) {}

    @JsonPropertyOrder({"httpGet", "tcpSocket", "exec", "initialDelaySeconds"})
    public record LivenessProbe(HTTPGetAction httpGet, TCPSocketAction tcpSocket, ExecAction exec,
            Integer initialDelaySeconds) {}

    public record HTTPGetAction(String path, IntOrString port, String host) {}

    public record TCPSocketAction(IntOrString port) {}

    public record ExecAction(List<String> command) {}

    /** An entry of {@code currentState.info}: what the kubelet saw of one container. */
    @JsonPropertyOrder({"state", "restartCount", "podIP", "image"})
    public record ContainerStatus(ContainerState state, Integer restartCount, String podIP, String image) {}

    /** One of waiting, running, termination (sic: v1beta1's name for terminated). */
    public record ContainerState(Waiting waiting, Running running, Termination termination) {}

    public record Waiting(String reason) {}

    public record Running(Instant startedAt) {}

    @JsonPropertyOrder({"exitCode", "signal", "reason", "message", "startedAt", "finishedAt"})
    public record Termination(Integer exitCode, Integer signal, String reason, String message, Instant startedAt,
            Instant finishedAt) {}
}
