package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorListTest {

    private static final FieldError NAME_REQUIRED =
            FieldError.required(FieldPath.root("metadata", "name"), "name or generateName is required");
    private static final FieldError DUPLICATE_WEB =
            FieldError.duplicate(FieldPath.root("spec", "containers").index(1).child("name"), "web");

    static Stream<Arguments> lists() {
        return Stream.of(
                arguments(List.of(), "", "Pod \"x\" is invalid"),
                arguments(List.of(NAME_REQUIRED), "metadata.name: Required value: name or generateName is required",
                        "Pod \"x\" is invalid: metadata.name: Required value: name or generateName is required"),
                arguments(List.of(NAME_REQUIRED, DUPLICATE_WEB),
                        "[metadata.name: Required value: name or generateName is required, "
                                + "spec.containers[1].name: Duplicate value: \"web\"]",
                        "Pod \"x\" is invalid: [metadata.name: Required value: name or generateName is required, "
                                + "spec.containers[1].name: Duplicate value: \"web\"]"),
                // ToAggregate prints a repeated message once
                arguments(List.of(DUPLICATE_WEB, NAME_REQUIRED, DUPLICATE_WEB),
                        "[spec.containers[1].name: Duplicate value: \"web\", "
                                + "metadata.name: Required value: name or generateName is required]",
                        "Pod \"x\" is invalid: [spec.containers[1].name: Duplicate value: \"web\", "
                                + "metadata.name: Required value: name or generateName is required]"));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void aggregatesAsKubernetes(List<FieldError> errors, String aggregate, String summary) {
        ErrorList list = new ErrorList().addAll(errors);
        assertThat(list.aggregateMessage()).isEqualTo(aggregate);
        assertThat(list.summary("Pod", "x")).isEqualTo(summary);
        assertThat(list.isEmpty()).isEqualTo(errors.isEmpty());
        assertThat(list.size()).isEqualTo(errors.size());
        assertThat(list.toList()).containsExactlyElementsOf(errors);
    }

    @Test
    void qualifiesKindsOutsideTheCoreGroup() {
        ErrorList list = new ErrorList().add(FieldError.required(FieldPath.root("spec", "holderIdentity"), ""));
        assertThat(list.summary("Lease.coordination.k8s.io", "node-1"))
                .isEqualTo("Lease.coordination.k8s.io \"node-1\" is invalid: spec.holderIdentity: Required value");
    }

    @Test
    void toListIsASnapshot() {
        ErrorList list = new ErrorList().add(NAME_REQUIRED);
        List<FieldError> snapshot = list.toList();
        list.add(DUPLICATE_WEB);
        assertThat(snapshot).containsExactly(NAME_REQUIRED);
        assertThatThrownBy(() -> snapshot.add(DUPLICATE_WEB)).isInstanceOf(UnsupportedOperationException.class);
    }
}
