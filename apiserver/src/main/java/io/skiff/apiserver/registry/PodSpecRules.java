package io.skiff.apiserver.registry;

import io.skiff.api.core.Container;
import io.skiff.api.core.PodSpec;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.FieldPath;
import io.skiff.api.validation.FieldValidation;
import io.skiff.api.validation.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimal pod spec rules the apiserver needs before the kind validators of
 * {@code io.skiff.api.validation} take over: containers present, named (DNS-1123 labels,
 * unique) and with an image; a known restart policy.
 */
final class PodSpecRules {
    private static final List<String> RESTART_POLICIES = List.of(PodSpec.RESTART_ALWAYS, PodSpec.RESTART_ON_FAILURE,
            PodSpec.RESTART_NEVER);

    private PodSpecRules() {}

    static List<FieldError> validate(PodSpec spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<Container> containers = spec == null ? null : spec.containers();
        FieldPath containersPath = path.child("containers");
        if (containers == null || containers.isEmpty()) {
            errs.add(FieldError.required(containersPath, ""));
        } else {
            for (int i = 0; i < containers.size(); i++) {
                Container c = containers.get(i);
                FieldPath at = containersPath.index(i);
                if (c.name() == null || c.name().isEmpty()) {
                    errs.add(FieldError.required(at.child("name"), ""));
                } else {
                    errs.addAll(FieldValidation.invalidEach(at.child("name"), c.name(), Validation.isDNS1123Label(c.name())));
                }
                if (c.image() == null || c.image().isBlank()) {
                    errs.add(FieldError.required(at.child("image"), ""));
                }
            }
            errs.addAll(FieldValidation.validateUnique(containers, Container::name, containersPath, "name"));
        }
        if (spec != null && spec.restartPolicy() != null) {
            errs.addAll(FieldValidation.validateEnum(spec.restartPolicy(), RESTART_POLICIES, path.child("restartPolicy")));
        }
        if (spec != null && spec.terminationGracePeriodSeconds() != null) {
            errs.addAll(FieldValidation.validateNonnegative(spec.terminationGracePeriodSeconds(),
                    path.child("terminationGracePeriodSeconds")));
        }
        return errs;
    }
}
