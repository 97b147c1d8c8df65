package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.orZero;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.Toleration;
import io.skiff.api.core.Volume;
import io.skiff.api.resource.Quantity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pod spec, in a pod or in a replication controller's template, as Kubernetes'
 * {@code ValidatePodSpec} checks the fields Skiff serves, in Kubernetes' order: grace period,
 * volumes, containers, host network ports, restart and DNS policy, node selector, names of the
 * service account, node, host and subdomain, deadline, tolerations, priority class, preemption.
 */
public final class PodSpecValidation {

    static final List<String> RESTART_POLICIES = List.of(PodSpec.RESTART_ALWAYS, PodSpec.RESTART_ON_FAILURE,
            PodSpec.RESTART_NEVER);
    static final List<String> DNS_POLICIES = List.of(PodSpec.DNS_CLUSTER_FIRST_WITH_HOST_NET, PodSpec.DNS_CLUSTER_FIRST,
            PodSpec.DNS_DEFAULT, PodSpec.DNS_NONE);
    static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    static final List<String> TOLERATION_OPERATORS = List.of(Toleration.OPERATOR_EQUAL, Toleration.OPERATOR_EXISTS);
    /** supportedHostPathTypes, as sets.List sorts them. */
    static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
            "DirectoryOrCreate", "File", "FileOrCreate", "Socket");
    private static final String MORE_THAN_ONE_VOLUME_TYPE = "may not specify more than 1 volume type";
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private PodSpecValidation() {
    }

    /**
     * Every problem of {@code spec} under {@code path}. {@code isPod} is Kubernetes'
     * ResourceIsPod: a pod on the host network must publish each container port as the same
     * host port, where a template may leave it unset.
     */
    public static List<FieldError> validatePodSpec(PodSpec spec, FieldPath path, boolean isPod) {
        PodSpec s = spec == null ? PodSpec.of(null) : spec;
        ErrorList errs = new ErrorList();
        if (s.terminationGracePeriodSeconds() == null) {
            errs.add(FieldError.required(path.child("terminationGracePeriodSeconds"), ""));
        } else {
            // Kubernetes accepts a negative grace period and treats it as 1; Skiff refuses it.
            errs.addAll(FieldValidation.validateNonnegative(s.terminationGracePeriodSeconds(),
                    path.child("terminationGracePeriodSeconds")));
        }
        Set<String> volumes = volumes(s.volumes(), path.child("volumes"), errs);
        errs.addAll(ContainerValidation.validateContainers(s.containers(), volumes, path.child("containers")));
        hostNetworkPorts(s, path, isPod, errs);
        errs.addAll(FieldValidation.validateEnum(s.restartPolicy(), RESTART_POLICIES, path.child("restartPolicy")));
        errs.addAll(FieldValidation.validateEnum(s.dnsPolicy(), DNS_POLICIES, path.child("dnsPolicy")));
        errs.addAll(FieldValidation.validateLabels(s.nodeSelector(), path.child("nodeSelector")));
        if (PodSpec.DNS_NONE.equals(s.dnsPolicy())) {
            // Skiff has no dnsConfig, which dnsPolicy None needs.
            errs.add(FieldError.required(path.child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None"));
        }
        subdomainName(s.serviceAccountName(), path.child("serviceAccountName"), errs);
        subdomainName(s.nodeName(), path.child("nodeName"), errs);
        if (s.activeDeadlineSeconds() != null) {
            long v = s.activeDeadlineSeconds();
            if (v < 1 || v > MAX_INT32) {
                errs.add(FieldError.invalid(path.child("activeDeadlineSeconds"), v,
                        Validation.inclusiveRangeError(1, MAX_INT32)));
            }
        }
        dnsLabel(s.hostname(), path.child("hostname"), errs);
        dnsLabel(s.subdomain(), path.child("subdomain"), errs);
        validateTolerations(s.tolerations(), path.child("tolerations"), errs);
        subdomainName(s.priorityClassName(), path.child("priorityClassName"), errs);
        if (s.preemptionPolicy() != null) {
            errs.addAll(FieldValidation.validateEnum(s.preemptionPolicy(), PREEMPTION_POLICIES, path.child("preemptionPolicy")));
        }
        return errs.toList();
    }

    /**
     * ValidateVolumes; returns the names of the volumes without errors, the only ones mounts may
     * name (an invalid volume is "Not found" to its mounts, as in Kubernetes).
     */
    private static Set<String> volumes(List<Volume> volumes, FieldPath path, ErrorList errs) {
        Set<String> valid = new HashSet<>();
        if (volumes == null) {
            return valid;
        }
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            FieldPath p = path.index(i);
            FieldPath namePath = p.child("name");
            ErrorList volumeErrs = new ErrorList();
            volumeSource(v, p, volumeErrs);
            String name = str(v.name());
            if (name.isEmpty()) {
                volumeErrs.add(FieldError.required(namePath, ""));
            } else {
                volumeErrs.addAll(FieldValidation.invalidEach(namePath, name, Validation.isDNS1123Label(name)));
            }
            if (valid.contains(name)) {
                volumeErrs.add(FieldError.duplicate(namePath, name));
            }
            if (volumeErrs.isEmpty()) {
                valid.add(name);
            } else {
                errs.addAll(volumeErrs.toList());
            }
        }
        return valid;
    }

    /** validateVolumeSource: exactly one source, emptyDir first. */
    private static void volumeSource(Volume v, FieldPath path, ErrorList errs) {
        int sources = 0;
        if (v.emptyDir() != null) {
            sources++;
            Quantity size = v.emptyDir().sizeLimit();
            if (size != null && size.signum() < 0) {
                errs.add(FieldError.forbidden(path.child("emptyDir").child("sizeLimit"),
                        "SizeLimit field must be a valid resource quantity"));
            }
        }
        if (v.hostPath() != null) {
            FieldPath p = path.child("hostPath");
            if (sources > 0) {
                errs.add(FieldError.forbidden(p, MORE_THAN_ONE_VOLUME_TYPE));
            } else {
                sources++;
                hostPath(v.hostPath(), p, errs);
            }
        }
        if (sources == 0) {
            errs.add(FieldError.required(path, "must specify a volume type"));
        }
    }

    private static void hostPath(Volume.HostPathVolumeSource hostPath, FieldPath path, ErrorList errs) {
        String p = str(hostPath.path());
        if (p.isEmpty()) {
            errs.add(FieldError.required(path.child("path"), ""));
            return;
        }
        PathRules.noBacksteps(p, path.child("path"), errs);
        if (hostPath.type() != null && !HOST_PATH_TYPES.contains(hostPath.type())) {
            errs.add(FieldError.notSupported(path.child("type"), hostPath.type(), HOST_PATH_TYPES));
        }
    }

    /** validatePodHostNetworkDeps: on the host network a host port is the container port. */
    private static void hostNetworkPorts(PodSpec s, FieldPath path, boolean isPod, ErrorList errs) {
        if (!Boolean.TRUE.equals(s.hostNetwork()) || s.containers() == null) {
            return;
        }
        FieldPath containers = path.child("containers");
        for (int i = 0; i < s.containers().size(); i++) {
            Container c = s.containers().get(i);
            if (c.ports() == null) {
                continue;
            }
            for (int j = 0; j < c.ports().size(); j++) {
                ContainerPort port = c.ports().get(j);
                long hp = orZero(port.hostPort());
                long cp = orZero(port.containerPort());
                if ((isPod || hp != 0) && hp != cp) {
                    errs.add(FieldError.invalid(containers.index(i).child("ports").index(j).child("hostPort"), hp,
                            "must match `containerPort` when `hostNetwork` is true"));
                }
            }
        }
    }

    /** ValidateTolerations. */
    static void validateTolerations(List<Toleration> tolerations, FieldPath path, ErrorList errs) {
        if (tolerations == null) {
            return;
        }
        for (int i = 0; i < tolerations.size(); i++) {
            Toleration t = tolerations.get(i);
            FieldPath p = path.index(i);
            String key = str(t.key());
            String operator = str(t.operator());
            String effect = str(t.effect());
            if (!key.isEmpty()) {
                errs.addAll(FieldValidation.validateLabelName(key, p.child("key")));
            }
            if (key.isEmpty() && !operator.equals(Toleration.OPERATOR_EXISTS)) {
                errs.add(FieldError.invalid(p.child("operator"), operator,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            if (t.tolerationSeconds() != null && !effect.equals("NoExecute")) {
                errs.add(FieldError.invalid(p.child("effect"), effect,
                        "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
            String value = str(t.value());
            switch (operator) {
                case Toleration.OPERATOR_EQUAL, "" -> {
                    List<String> msgs = Validation.isValidLabelValue(value);
                    if (!msgs.isEmpty()) {
                        errs.add(FieldError.invalid(p.child("operator"), value, String.join(";", msgs)));
                    }
                }
                case Toleration.OPERATOR_EXISTS -> {
                    if (!value.isEmpty()) {
                        errs.add(FieldError.invalid(p.child("operator"), value,
                                "value must be empty when `operator` is 'Exists'"));
                    }
                }
                default -> errs.add(FieldError.notSupported(p.child("operator"), operator, TOLERATION_OPERATORS));
            }
            if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
                errs.add(FieldError.notSupported(p.child("effect"), effect, TAINT_EFFECTS));
            }
        }
    }

    private static void subdomainName(String name, FieldPath path, ErrorList errs) {
        if (name != null && !name.isEmpty()) {
            errs.addAll(FieldValidation.invalidEach(path, name, Validation.isDNS1123Subdomain(name)));
        }
    }

    private static void dnsLabel(String name, FieldPath path, ErrorList errs) {
        if (name != null && !name.isEmpty()) {
            errs.addAll(FieldValidation.invalidEach(path, name, Validation.isDNS1123Label(name)));
        }
    }
}
