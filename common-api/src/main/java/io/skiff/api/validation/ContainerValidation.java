package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.orZero;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.VolumeMount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The containers of a pod spec, as Kubernetes' {@code validateContainers} checks them: per
 * container its name, image, ports, env, mounts, pull policy, resources and probes, then names
 * unique across the list and host ports unique across the pod.
 */
public final class ContainerValidation {

    /** sets.List order: sorted, as Kubernetes lists them in its messages. */
    static final List<String> PROTOCOLS = List.of(ContainerPort.PROTOCOL_SCTP, ContainerPort.PROTOCOL_TCP,
            ContainerPort.PROTOCOL_UDP);
    static final List<String> PULL_POLICIES = List.of(Container.PULL_ALWAYS, Container.PULL_IF_NOT_PRESENT,
            Container.PULL_NEVER);
    static final List<String> TERMINATION_MESSAGE_POLICIES = List.of(Container.TERMINATION_MESSAGE_READ_FILE,
            Container.TERMINATION_MESSAGE_FALLBACK_TO_LOGS_ON_ERROR);

    private ContainerValidation() {
    }

    /**
     * At least one container; each valid against the pod's valid {@code volumes} (names of volumes
     * that passed validation, as Kubernetes matches mounts only against those).
     */
    public static List<FieldError> validateContainers(List<Container> containers, Set<String> volumes, FieldPath path) {
        ErrorList errs = new ErrorList();
        if (containers == null || containers.isEmpty()) {
            return errs.add(FieldError.required(path, "")).toList();
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            FieldPath p = path.index(i);
            validateContainer(c, volumes, p, errs);
            // Kubernetes counts an empty name too: two unnamed containers are also a duplicate.
            if (!names.add(str(c.name()))) {
                errs.add(FieldError.duplicate(p.child("name"), str(c.name())));
            }
            ProbeValidation.validateLivenessProbe(c.livenessProbe(), p.child("livenessProbe"), errs);
            ProbeValidation.validateReadinessProbe(c.readinessProbe(), p.child("readinessProbe"), errs);
        }
        hostPortConflicts(containers, path, errs);
        return errs.toList();
    }

    /** validateContainerCommon. */
    private static void validateContainer(Container c, Set<String> volumes, FieldPath path, ErrorList errs) {
        FieldPath namePath = path.child("name");
        String name = str(c.name());
        if (name.isEmpty()) {
            errs.add(FieldError.required(namePath, ""));
        } else {
            errs.addAll(FieldValidation.invalidEach(namePath, name, Validation.isDNS1123Label(name)));
        }
        if (str(c.image()).isEmpty()) {
            errs.add(FieldError.required(path.child("image"), ""));
        }
        errs.addAll(FieldValidation.validateEnum(c.terminationMessagePolicy(), TERMINATION_MESSAGE_POLICIES,
                path.child("terminationMessagePolicy")));
        ports(c.ports(), path.child("ports"), errs);
        env(c.env(), path.child("env"), errs);
        volumeMounts(c.volumeMounts(), volumes, path.child("volumeMounts"), errs);
        errs.addAll(FieldValidation.validateEnum(c.imagePullPolicy(), PULL_POLICIES, path.child("imagePullPolicy")));
        errs.addAll(ResourceValidation.validateResourceRequirements(c.resources(), path.child("resources")));
    }

    /** validateContainerPorts: names IANA_SVC_NAME and unique, containerPort required, hostPort optional. */
    private static void ports(List<ContainerPort> ports, FieldPath path, ErrorList errs) {
        if (ports == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort port = ports.get(i);
            FieldPath p = path.index(i);
            String name = str(port.name());
            if (!name.isEmpty()) {
                List<String> msgs = Validation.isValidPortName(name);
                if (!msgs.isEmpty()) {
                    errs.addAll(FieldValidation.invalidEach(p.child("name"), name, msgs));
                } else if (!names.add(name)) {
                    errs.add(FieldError.duplicate(p.child("name"), name));
                }
            }
            long containerPort = orZero(port.containerPort());
            if (containerPort == 0) {
                errs.add(FieldError.required(p.child("containerPort"), ""));
            } else {
                errs.addAll(FieldValidation.validatePortNumber(containerPort, p.child("containerPort")));
            }
            long hostPort = orZero(port.hostPort());
            if (hostPort != 0) {
                errs.addAll(FieldValidation.validatePortNumber(hostPort, p.child("hostPort")));
            }
            errs.addAll(FieldValidation.validateEnum(port.protocol(), PROTOCOLS, p.child("protocol")));
        }
    }

    /** ValidateEnv: every variable named, by the environment variable name rule. */
    private static void env(List<EnvVar> env, FieldPath path, ErrorList errs) {
        if (env == null) {
            return;
        }
        for (int i = 0; i < env.size(); i++) {
            FieldPath p = path.index(i).child("name");
            String name = str(env.get(i).name());
            if (name.isEmpty()) {
                errs.add(FieldError.required(p, ""));
            } else {
                errs.addAll(FieldValidation.invalidEach(p, name, Validation.isEnvVarName(name)));
            }
        }
    }

    /** ValidateVolumeMounts: each names a valid volume and a unique mountPath; subPath stays inside. */
    private static void volumeMounts(List<VolumeMount> mounts, Set<String> volumes, FieldPath path, ErrorList errs) {
        if (mounts == null) {
            return;
        }
        Set<String> mountPoints = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            FieldPath p = path.index(i);
            String name = str(m.name());
            String mountPath = str(m.mountPath());
            if (name.isEmpty()) {
                errs.add(FieldError.required(p.child("name"), ""));
            }
            if (!volumes.contains(name)) {
                errs.add(FieldError.notFound(p.child("name"), name));
            }
            if (mountPath.isEmpty()) {
                errs.add(FieldError.required(p.child("mountPath"), ""));
            }
            if (!mountPoints.add(mountPath)) {
                errs.add(FieldError.invalid(p.child("mountPath"), mountPath, "must be unique"));
            }
            String subPath = str(m.subPath());
            if (!subPath.isEmpty()) {
                // Kubernetes reports subPath at the list's path (volumeMounts.subPath), unindexed.
                PathRules.localDescendingPath(subPath, path.child("subPath"), errs);
            }
        }
    }

    /** AccumulateUniqueHostPorts: one protocol/hostIP/hostPort per pod. */
    private static void hostPortConflicts(List<Container> containers, FieldPath path, ErrorList errs) {
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<ContainerPort> ports = containers.get(ci).ports();
            if (ports == null) {
                continue;
            }
            for (int pi = 0; pi < ports.size(); pi++) {
                ContainerPort port = ports.get(pi);
                long hostPort = orZero(port.hostPort());
                if (hostPort == 0) {
                    continue;
                }
                String key = str(port.protocol()) + "/" + str(port.hostIP()) + "/" + hostPort;
                if (!seen.add(key)) {
                    errs.add(FieldError.duplicate(path.index(ci).child("ports").index(pi).child("hostPort"), key));
                }
            }
        }
    }
}
