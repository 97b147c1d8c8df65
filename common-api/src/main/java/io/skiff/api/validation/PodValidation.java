package io.skiff.api.validation;

import static io.skiff.api.validation.ObjectMetaValidation.METADATA;
import static io.skiff.api.validation.ObjectMetaValidation.str;

import io.skiff.api.core.Binding;
import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerStatus;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.Toleration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Pods, as Kubernetes' {@code ValidatePodCreate}, {@code ValidatePodUpdate},
 * {@code ValidatePodStatusUpdate} and {@code ValidatePodBinding} check them.
 */
public final class PodValidation {

    static final FieldPath SPEC = FieldPath.root("spec");
    static final FieldPath STATUS = FieldPath.root("status");

    /** updatablePodSpecFields, word for word. */
    static final String UPDATE_FORBIDDEN = "pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
    private static final Set<String> SYSTEM_CONDITIONS = Set.of(PodCondition.TYPE_POD_SCHEDULED,
            PodCondition.TYPE_READY, PodCondition.TYPE_INITIALIZED);

    private PodValidation() {
    }

    /** A pod to create: metadata, spec, and images without surrounding whitespace. */
    public static List<FieldError> validatePod(Pod pod) {
        ErrorList errs = new ErrorList();
        metadataAndSpec(pod, errs);
        return errs.toList();
    }

    /**
     * An update through the main resource: the new pod is valid, its metadata changed only as
     * metadata may, and its spec only in container images, a shorter activeDeadlineSeconds and
     * added tolerations; anything else is one Forbidden error at {@code spec} listing what changed.
     */
    public static List<FieldError> validatePodUpdate(Pod newPod, Pod oldPod) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newPod.metadata(), oldPod.metadata(), METADATA));
        metadataAndSpec(newPod, errs);
        PodSpec n = spec(newPod);
        PodSpec o = spec(oldPod);
        List<Container> newContainers = orEmpty(n.containers());
        List<Container> oldContainers = orEmpty(o.containers());
        FieldPath containersPath = SPEC.child("containers");
        if (newContainers.size() != oldContainers.size()) {
            return errs.add(FieldError.forbidden(containersPath, "pod updates may not add or remove containers")).toList();
        }
        for (int i = 0; i < newContainers.size(); i++) {
            String image = str(newContainers.get(i).image());
            if (image.isEmpty()) {
                errs.add(FieldError.required(containersPath.index(i).child("image"), ""));
            }
            if (!image.strip().equals(image)) {
                errs.add(FieldError.invalid(containersPath.index(i).child("image"), image,
                        "must not have leading or trailing whitespace"));
            }
        }
        if (!activeDeadlineUpdate(n.activeDeadlineSeconds(), o.activeDeadlineSeconds(), errs)) {
            return errs.toList();
        }
        onlyAddedTolerations(n.tolerations(), o.tolerations(), SPEC.child("tolerations"), errs);
        if (n.equals(o)) {
            return errs.toList();
        }
        // Take the updatable fields from the old spec; whatever still differs may not change.
        List<Container> munged = new ArrayList<>(newContainers.size());
        for (int i = 0; i < newContainers.size(); i++) {
            munged.add(withImage(newContainers.get(i), oldContainers.get(i).image()));
        }
        PodSpec mungedSpec = n.withContainers(munged)
                .withActiveDeadlineSeconds(o.activeDeadlineSeconds())
                .withTolerations(o.tolerations());
        Long oldGrace = o.terminationGracePeriodSeconds();
        if (oldGrace != null && oldGrace < 0 && Long.valueOf(1).equals(mungedSpec.terminationGracePeriodSeconds())) {
            mungedSpec = mungedSpec.withTerminationGracePeriodSeconds(oldGrace);
        }
        String diff = SpecDiff.diff(o, mungedSpec);
        if (!diff.isEmpty()) {
            errs.add(FieldError.forbidden(SPEC, UPDATE_FORBIDDEN + "\n" + diff));
        }
        return errs.toList();
    }

    /**
     * An update through {@code /status}: metadata as on any update, custom condition types
     * qualified, the node and QoS class unchanged, terminated containers of a pod that does not
     * restart them staying terminated, pod IPs valid.
     */
    public static List<FieldError> validatePodStatusUpdate(Pod newPod, Pod oldPod) {
        ErrorList errs = new ErrorList();
        errs.addAll(ObjectMetaValidation.validateUpdate(newPod.metadata(), oldPod.metadata(), METADATA));
        PodStatus n = newPod.status() == null ? PodStatus.ofPhase(null) : newPod.status();
        PodStatus o = oldPod.status() == null ? PodStatus.ofPhase(null) : oldPod.status();
        if (n.conditions() != null) {
            for (int i = 0; i < n.conditions().size(); i++) {
                String type = str(n.conditions().get(i).type());
                if (!SYSTEM_CONDITIONS.contains(type)) {
                    // Kubernetes reports these under metadata (metadata.conditions[i].Type).
                    errs.addAll(FieldValidation.validateLabelName(type, METADATA.child("conditions").index(i).child("Type")));
                }
            }
        }
        if (!str(spec(newPod).nodeName()).equals(str(spec(oldPod).nodeName()))) {
            errs.add(FieldError.forbidden(STATUS.child("nodeName"), "may not be changed directly"));
        }
        errs.addAll(FieldValidation.validateImmutable(str(n.qosClass()), str(o.qosClass()), STATUS.child("qosClass")));
        containerStateTransitions(n.containerStatuses(), o.containerStatuses(), str(spec(oldPod).restartPolicy()), errs);
        PodIps.validate(n, errs);
        return errs.toList();
    }

    /** A binding to a node: the target is a node (kind Node or unset) with a name. */
    public static List<FieldError> validateBinding(Binding binding) {
        ErrorList errs = new ErrorList();
        ObjectReference target = binding.target() == null
                ? new ObjectReference(null, null, null, null, null, null, null) : binding.target();
        String kind = str(target.kind());
        if (!kind.isEmpty() && !kind.equals("Node")) {
            errs.add(FieldError.notSupported(FieldPath.root("target", "kind"), kind, List.of("Node", "<empty>")));
        }
        if (str(target.name()).isEmpty()) {
            errs.add(FieldError.required(FieldPath.root("target", "name"), ""));
        }
        return errs.toList();
    }

    /** validatePodMetadataAndSpec. */
    private static void metadataAndSpec(Pod pod, ErrorList errs) {
        errs.addAll(ObjectMetaValidation.validate(pod.metadata(), true, NameValidator.DNS_SUBDOMAIN, METADATA));
        errs.addAll(PodSpecValidation.validatePodSpec(pod.spec(), SPEC, true));
        List<Container> containers = orEmpty(spec(pod).containers());
        for (int i = 0; i < containers.size(); i++) {
            String image = str(containers.get(i).image());
            if (image.length() != image.strip().length()) {
                errs.add(FieldError.invalid(SPEC.child("containers").index(i).child("image"), image,
                        "must not have leading or trailing whitespace"));
            }
        }
    }

    /** Set from nil, or lowered; never raised or removed. Returns false when Kubernetes stops validating. */
    private static boolean activeDeadlineUpdate(Long newValue, Long oldValue, ErrorList errs) {
        FieldPath path = SPEC.child("activeDeadlineSeconds");
        if (newValue != null) {
            if (newValue < 0 || newValue > Integer.MAX_VALUE) {
                errs.add(FieldError.invalid(path, newValue, Validation.inclusiveRangeError(0, Integer.MAX_VALUE)));
                return false;
            }
            if (oldValue != null && oldValue < newValue) {
                errs.add(FieldError.invalid(path, newValue, "must be less than or equal to previous value"));
                return false;
            }
        } else if (oldValue != null) {
            errs.add(FieldError.invalid(path, null, "must not update from a positive integer to nil value"));
        }
        return true;
    }

    /** validateOnlyAddedTolerations: every old toleration stays, except that its seconds may change. */
    private static void onlyAddedTolerations(List<Toleration> newTolerations, List<Toleration> oldTolerations,
                                             FieldPath path, ErrorList errs) {
        for (Toleration old : orEmpty(oldTolerations)) {
            boolean found = orEmpty(newTolerations).stream().anyMatch(t -> str(t.key()).equals(str(old.key()))
                    && str(t.operator()).equals(str(old.operator())) && str(t.value()).equals(str(old.value()))
                    && str(t.effect()).equals(str(old.effect())));
            if (!found) {
                errs.add(FieldError.forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
                return;
            }
        }
        PodSpecValidation.validateTolerations(newTolerations, path, errs);
    }

    /** ValidateContainerStateTransition: unless the pod restarts them, terminated containers stay terminated. */
    private static void containerStateTransitions(List<ContainerStatus> newStatuses, List<ContainerStatus> oldStatuses,
                                                  String restartPolicy, ErrorList errs) {
        if (restartPolicy.equals(PodSpec.RESTART_ALWAYS)) {
            return;
        }
        FieldPath path = STATUS.child("containerStatuses");
        List<ContainerStatus> olds = orEmpty(oldStatuses);
        for (int i = 0; i < olds.size(); i++) {
            ContainerStatus old = olds.get(i);
            if (old.state() == null || old.state().terminated() == null) {
                continue;
            }
            Integer exitCode = old.state().terminated().exitCode();
            if (exitCode != null && exitCode != 0 && restartPolicy.equals(PodSpec.RESTART_ON_FAILURE)) {
                continue;
            }
            for (ContainerStatus n : orEmpty(newStatuses)) {
                if (Objects.equals(old.name(), n.name()) && (n.state() == null || n.state().terminated() == null)) {
                    errs.add(FieldError.forbidden(path.index(i).child("state"), "may not be transitioned to non-terminated state"));
                }
            }
        }
    }

    private static Container withImage(Container c, String image) {
        return new Container(c.name(), image, c.command(), c.args(), c.workingDir(), c.ports(), c.env(), c.resources(),
                c.volumeMounts(), c.livenessProbe(), c.readinessProbe(), c.terminationMessagePath(),
                c.terminationMessagePolicy(), c.imagePullPolicy());
    }

    static PodSpec spec(Pod pod) {
        return pod.spec() == null ? PodSpec.of(null) : pod.spec();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** validatePodIPs: each a valid IP; at most one per family, no duplicates. */
    private static final class PodIps {
        static void validate(PodStatus status, ErrorList errs) {
            List<String> ips = new ArrayList<>();
            if (status.podIPs() != null && !status.podIPs().isEmpty()) {
                status.podIPs().forEach(ip -> ips.add(str(ip.ip())));
            } else if (!str(status.podIP()).isEmpty()) {
                // v1's podIP is podIPs[0] in Kubernetes' internal form, where the rule applies.
                ips.add(status.podIP());
            }
            FieldPath path = STATUS.child("podIPs");
            boolean allValid = true;
            for (int i = 0; i < ips.size(); i++) {
                List<String> msgs = Validation.isValidIP(ips.get(i));
                allValid &= msgs.isEmpty();
                errs.addAll(FieldValidation.invalidEach(path.index(i), ips.get(i), msgs));
            }
            if (ips.size() <= 1) {
                return;
            }
            long v6 = ips.stream().filter(ip -> ip.indexOf(':') >= 0).count();
            if (!allValid || ips.size() > 2 || v6 != 1) {
                errs.add(FieldError.invalid(path, GoFormat.literal(podIpsLiteral(ips)),
                        "may specify no more than one IP for each IP family"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ips.size(); i++) {
                if (!seen.add(ips.get(i))) {
                    errs.add(FieldError.duplicate(path.index(i), GoFormat.literal("core.PodIP{IP:" + GoFormat.quote(ips.get(i)) + "}")));
                }
            }
        }

        private static String podIpsLiteral(List<String> ips) {
            StringBuilder out = new StringBuilder("[]core.PodIP{");
            for (int i = 0; i < ips.size(); i++) {
                out.append(i == 0 ? "" : ", ").append("core.PodIP{IP:").append(GoFormat.quote(ips.get(i))).append('}');
            }
            return out.append('}').toString();
        }
    }
}
