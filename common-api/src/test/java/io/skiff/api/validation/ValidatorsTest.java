package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.core.Binding;
import io.skiff.api.core.Pod;
import io.skiff.api.core.Service;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point refuses what it cannot validate instead of passing it. */
class ValidatorsTest {

    @Test
    void kindsWithoutValidationAreAProgrammingError() {
        assertThatThrownBy(() -> Validators.validate(Status.success()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no validation for kind Status");
        assertThatThrownBy(() -> Validators.validateStatusUpdate(
                new Binding(ObjectMeta.named("b"), null), new Binding(ObjectMeta.named("b"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no validation for kind Binding");
    }

    @Test
    void anUpdateComparesTwoObjectsOfOneKind() {
        Pod pod = Cases.object("pod.json", List.of());
        Service svc = Cases.object("service.json", List.of());

        assertThatThrownBy(() -> Validators.validateUpdate(pod, svc))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an update compares two Pod objects, got Service");
    }

    @Test
    void aPodWithoutSpecIsReportedNotThrown() {
        Pod pod = new Pod(ObjectMeta.of("default", "empty"), null, null);

        assertThat(Validators.validate(pod)).extracting(FieldError::message).containsExactly(
                "spec.terminationGracePeriodSeconds: Required value",
                "spec.containers: Required value",
                "spec.restartPolicy: Required value",
                "spec.dnsPolicy: Required value");
    }
}
