package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation errors as the 422 Status Kubernetes answers (apierrors.NewInvalid). */
class InvalidStatusTest {

    @Test
    void matchesTheGolden422Status() throws Exception {
        Pod pod = Cases.object("pod.json", List.of(set("/metadata/name", "web"),
                set("/spec/containers/0/image", ""), set("/spec/restartPolicy", "Sometimes")));

        Status status = InvalidStatus.of(pod, Validators.validate(pod));

        JsonNode encoded = Json.readTree(Scheme.defaultScheme().encode(status));
        assertThat(encoded).isEqualTo(Cases.golden("status-invalid.json"));
    }

    @Test
    void oneErrorIsNotBracketedAndCausesCarryTheBodyWithoutTheField() {
        Pod pod = Cases.object("pod.json", List.of(set("/metadata/name", "web"), set("/spec/containers/0/image", "")));

        Status status = InvalidStatus.of(pod, Validators.validate(pod));

        assertThat(status.code()).isEqualTo(422);
        assertThat(status.status()).isEqualTo(Status.FAILURE);
        assertThat(status.reason()).isEqualTo(Status.REASON_INVALID);
        assertThat(status.message()).isEqualTo("Pod \"web\" is invalid: spec.containers[0].image: Required value");
        assertThat(status.details().name()).isEqualTo("web");
        assertThat(status.details().kind()).isEqualTo("Pod");
        assertThat(status.details().group()).isNull();
        assertThat(status.causes()).containsExactly(
                new StatusCause("FieldValueRequired", "Required value", "spec.containers[0].image"));
    }

    @Test
    void repeatedMessagesAppearOnceInTheMessageButEachIsACause() {
        Pod old = Cases.object("pod.json", List.of());
        Pod pod = Cases.object("pod.json", List.of(set("/spec/containers/1/image", "")));

        Status status = InvalidStatus.of(pod, Validators.validateUpdate(pod, old));

        assertThat(status.message()).isEqualTo("Pod \"web-7xk2p\" is invalid: spec.containers[1].image: Required value");
        assertThat(status.causes()).hasSize(2);
    }

    @Test
    void kindsOfOtherGroupsAreQualified() {
        Lease lease = Cases.object("lease.json", List.of(set("/spec/leaseDurationSeconds", 0),
                set("/spec/leaseTransitions", -1)));

        Status status = InvalidStatus.of(lease, Validators.validate(lease));

        assertThat(status.message()).isEqualTo("Lease.coordination.k8s.io \"node-1\" is invalid: ["
                + "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0, "
                + "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0]");
        assertThat(status.details().group()).isEqualTo("coordination.k8s.io");
        assertThat(status.details().kind()).isEqualTo("Lease");
        assertThat(status.causes()).extracting(StatusCause::reason, StatusCause::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FieldValueInvalid", "spec.leaseDurationSeconds"),
                org.assertj.core.groups.Tuple.tuple("FieldValueInvalid", "spec.leaseTransitions"));
    }
}
