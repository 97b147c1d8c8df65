package io.skiff.api.v1beta1;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.Probe;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.core.Volume;
import io.skiff.api.core.VolumeMount;
import io.skiff.api.resource.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The container manifest ({@code desiredState.manifest}) to and from the hub's {@link PodSpec}:
 * volumes, containers, restart policy. Pure field moves except resources (integers to limits),
 * {@code command} (the image's CMD, i.e. the hub's {@code args}), pull policy names and the
 * volume {@code source} wrapper.
 */
final class ManifestConversion {
    /** The manifest version v1beta1 servers wrote. */
    static final String MANIFEST_VERSION = "v1beta1";

    private ManifestConversion() {}

    static PodSpec toHub(PodTypes.ContainerManifest m) {
        if (m == null) {
            return PodSpec.of(null);
        }
        return PodSpec.of(map(m.containers(), ManifestConversion::containerToHub))
                .withVolumes(map(m.volumes(), ManifestConversion::volumeToHub))
                .withRestartPolicy(restartPolicyToHub(m.restartPolicy()));
    }

    /** The manifest of a pod (or template) named {@code id} with {@code uuid}. */
    static PodTypes.ContainerManifest fromHub(PodSpec spec, String id, String uuid) {
        PodSpec s = spec == null ? PodSpec.of(null) : spec;
        return new PodTypes.ContainerManifest(MANIFEST_VERSION, id, uuid,
                map(s.volumes(), ManifestConversion::volumeFromHub),
                map(s.containers(), ManifestConversion::containerFromHub),
                restartPolicyFromHub(s.restartPolicy()));
    }

    // ---- containers -----------------------------------------------------------------------

    static Container containerToHub(PodTypes.Container c) {
        return new Container(c.name(), c.image(), null, c.command(), c.workingDir(),
                map(c.ports(), p -> new ContainerPort(p.name(), p.hostPort(), p.containerPort(), p.protocol(),
                        p.hostIP())),
                map(c.env(), e -> new EnvVar(e.name() != null ? e.name() : e.key(), e.value())),
                limitsToHub(c.memory(), c.cpu()),
                map(c.volumeMounts(), v -> new VolumeMount(v.name(), v.readOnly(),
                        v.mountPath() != null ? v.mountPath() : v.path(), null)),
                probeToHub(c.livenessProbe()), null, c.terminationMessagePath(), null,
                pullPolicyToHub(c.imagePullPolicy()));
    }

    static PodTypes.Container containerFromHub(Container c) {
        Map<String, Quantity> limits = c.resources() == null ? null : c.resources().limits();
        return new PodTypes.Container(c.name(), c.image(), commandFromHub(c.command(), c.args()), c.workingDir(),
                map(c.ports(), p -> new PodTypes.Port(p.name(), p.hostPort(), p.containerPort(), p.protocol(),
                        p.hostIP())),
                map(c.env(), e -> new PodTypes.EnvVar(e.name(), null, e.value())),
                limitFromHub(limits, ResourceRequirements.MEMORY), limitFromHub(limits, ResourceRequirements.CPU),
                map(c.volumeMounts(), v -> new PodTypes.VolumeMount(v.name(), v.readOnly(), v.mountPath(), null)),
                probeFromHub(c.livenessProbe()), c.terminationMessagePath(), pullPolicyFromHub(c.imagePullPolicy()));
    }

    /**
     * v1beta1 had one argv, which replaced the image's CMD and kept its ENTRYPOINT: the hub's
     * args. A hub command (an ENTRYPOINT override) has no field of its own, so it is prepended:
     * a 2014 client sees the argv that runs, exactly so for images without an ENTRYPOINT.
     */
    private static List<String> commandFromHub(List<String> command, List<String> args) {
        if (command == null) {
            return args;
        }
        List<String> argv = new ArrayList<>(command);
        if (args != null) {
            argv.addAll(args);
        }
        return argv;
    }

    /** memory (bytes) and cpu (millicores) become limits; 0 meant unlimited. */
    private static ResourceRequirements limitsToHub(Long memory, Long cpu) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        if (cpu != null && cpu != 0) {
            limits.put(ResourceRequirements.CPU, ResourceAmounts.fromWire(ResourceRequirements.CPU, cpu));
        }
        if (memory != null && memory != 0) {
            limits.put(ResourceRequirements.MEMORY, ResourceAmounts.fromWire(ResourceRequirements.MEMORY, memory));
        }
        return limits.isEmpty() ? null : new ResourceRequirements(limits, null);
    }

    private static Long limitFromHub(Map<String, Quantity> limits, String resource) {
        Quantity q = limits == null ? null : limits.get(resource);
        long value = q == null ? 0 : ResourceAmounts.toWire(resource, q);
        return value == 0 ? null : value;
    }

    private static Probe probeToHub(PodTypes.LivenessProbe p) {
        if (p == null) {
            return null;
        }
        return new Probe(
                p.exec() == null ? null : new Probe.ExecAction(p.exec().command()),
                p.httpGet() == null ? null
                        : new Probe.HTTPGetAction(p.httpGet().path(), p.httpGet().port(), p.httpGet().host(), null,
                                null),
                p.tcpSocket() == null ? null : new Probe.TCPSocketAction(p.tcpSocket().port(), null),
                p.initialDelaySeconds(), null, null, null, null);
    }

    private static PodTypes.LivenessProbe probeFromHub(Probe p) {
        if (p == null) {
            return null;
        }
        return new PodTypes.LivenessProbe(
                p.httpGet() == null ? null
                        : new PodTypes.HTTPGetAction(p.httpGet().path(), p.httpGet().port(), p.httpGet().host()),
                p.tcpSocket() == null ? null : new PodTypes.TCPSocketAction(p.tcpSocket().port()),
                p.exec() == null ? null : new PodTypes.ExecAction(p.exec().command()),
                p.initialDelaySeconds());
    }

    /** PullAlways etc.; the v1 names are read too; anything else passes through for validation to judge. */
    private static String pullPolicyToHub(String policy) {
        if (policy == null) {
            return null;
        }
        return switch (policy) {
            case "PullAlways", Container.PULL_ALWAYS -> Container.PULL_ALWAYS;
            case "PullNever", Container.PULL_NEVER -> Container.PULL_NEVER;
            case "PullIfNotPresent", Container.PULL_IF_NOT_PRESENT -> Container.PULL_IF_NOT_PRESENT;
            default -> policy;
        };
    }

    private static String pullPolicyFromHub(String policy) {
        if (policy == null) {
            return null;
        }
        return switch (policy) {
            case Container.PULL_ALWAYS -> "PullAlways";
            case Container.PULL_NEVER -> "PullNever";
            case Container.PULL_IF_NOT_PRESENT -> "PullIfNotPresent";
            default -> policy;
        };
    }

    // ---- volumes and restart policy -------------------------------------------------------

    /** A volume without a source was an empty directory in v1beta1. */
    private static Volume volumeToHub(PodTypes.Volume v) {
        PodTypes.VolumeSource s = v.source();
        boolean unspecified = s == null || (s.hostDir() == null && s.emptyDir() == null);
        return new Volume(v.name(),
                s == null || s.hostDir() == null ? null : new Volume.HostPathVolumeSource(s.hostDir().path(), null),
                unspecified || s.emptyDir() != null ? new Volume.EmptyDirVolumeSource(null, null) : null);
    }

    private static PodTypes.Volume volumeFromHub(Volume v) {
        if (v.hostPath() == null && v.emptyDir() == null) {
            return new PodTypes.Volume(v.name(), null);
        }
        return new PodTypes.Volume(v.name(), new PodTypes.VolumeSource(
                v.hostPath() == null ? null : new PodTypes.HostDir(v.hostPath().path()),
                v.emptyDir() == null ? null : new PodTypes.Empty()));
    }

    private static String restartPolicyToHub(PodTypes.RestartPolicy p) {
        if (p == null) {
            return null;
        }
        if (p.always() != null) {
            return PodSpec.RESTART_ALWAYS;
        }
        if (p.onFailure() != null) {
            return PodSpec.RESTART_ON_FAILURE;
        }
        return p.never() != null ? PodSpec.RESTART_NEVER : null;
    }

    /** A policy v1beta1 has no key for (only invalid hub values) is left out. */
    private static PodTypes.RestartPolicy restartPolicyFromHub(String policy) {
        if (policy == null) {
            return null;
        }
        return switch (policy) {
            case PodSpec.RESTART_ALWAYS -> PodTypes.RestartPolicy.ALWAYS;
            case PodSpec.RESTART_ON_FAILURE -> PodTypes.RestartPolicy.ON_FAILURE;
            case PodSpec.RESTART_NEVER -> PodTypes.RestartPolicy.NEVER;
            default -> null;
        };
    }

    static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        if (in == null) {
            return null;
        }
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) {
            out.add(a == null ? null : f.apply(a));
        }
        return out;
    }
}
