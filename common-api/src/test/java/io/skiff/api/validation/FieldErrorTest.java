package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldErrorTest {

    private static final FieldPath META = FieldPath.root("metadata");
    private static final FieldPath SPEC = FieldPath.root("spec");

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments(FieldError.duplicate(SPEC.child("containers").index(1).child("name"), "web"),
                        "FieldValueDuplicate", "spec.containers[1].name", "Duplicate value: \"web\""),
                arguments(FieldError.required(META.child("name"), "name or generateName is required"),
                        "FieldValueRequired", "metadata.name", "Required value: name or generateName is required"),
                arguments(FieldError.required(META.child("namespace"), ""),
                        "FieldValueRequired", "metadata.namespace", "Required value"),
                arguments(FieldError.notSupported(SPEC.child("restartPolicy"), "Sometimes", List.of("Always", "Never", "OnFailure")),
                        "FieldValueNotSupported", "spec.restartPolicy",
                        "Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\""),
                arguments(FieldError.notSupported(SPEC.child("x"), "y", List.of()),
                        "FieldValueNotSupported", "spec.x", "Unsupported value: \"y\""),
                arguments(FieldError.invalid(META.child("name"), "Bad_Name", KubernetesText.DNS1123_LABEL),
                        "FieldValueInvalid", "metadata.name", "Invalid value: \"Bad_Name\": " + KubernetesText.DNS1123_LABEL),
                arguments(FieldError.invalid(SPEC.child("replicas"), -1, "must be greater than or equal to 0"),
                        "FieldValueInvalid", "spec.replicas", "Invalid value: -1: must be greater than or equal to 0"),
                arguments(FieldError.invalid(SPEC.child("generation"), -3L, ""),
                        "FieldValueInvalid", "spec.generation", "Invalid value: -3"),
                arguments(FieldError.invalid(SPEC.child("paused"), true, "x"),
                        "FieldValueInvalid", "spec.paused", "Invalid value: true: x"),
                arguments(FieldError.invalid(SPEC.child("ratio"), 1.0, "x"),
                        "FieldValueInvalid", "spec.ratio", "Invalid value: 1: x"),
                arguments(FieldError.invalid(SPEC.child("ratio"), 0.25, "x"),
                        "FieldValueInvalid", "spec.ratio", "Invalid value: 0.25: x"),
                arguments(FieldError.invalid(SPEC.child("ratio"), 1e6, "x"),
                        "FieldValueInvalid", "spec.ratio", "Invalid value: 1e+06: x"),
                arguments(FieldError.invalid(SPEC.child("ratio"), 1.5e-5, "x"),
                        "FieldValueInvalid", "spec.ratio", "Invalid value: 1.5e-05: x"),
                arguments(FieldError.invalid(SPEC.child("ratio"), 123456.5, "x"),
                        "FieldValueInvalid", "spec.ratio", "Invalid value: 123456.5: x"),
                arguments(FieldError.invalid(SPEC.child("values"), List.of("a", "b"), "x"),
                        "FieldValueInvalid", "spec.values", "Invalid value: []string{\"a\", \"b\"}: x"),
                arguments(FieldError.invalid(SPEC.child("v"), null, "x"),
                        "FieldValueInvalid", "spec.v", "Invalid value: null: x"),
                arguments(FieldError.invalid(SPEC.child("v"), "say \"hi\"\n\tand\\ \u0001 é", "x"),
                        "FieldValueInvalid", "spec.v", "Invalid value: \"say \\\"hi\\\"\\n\\tand\\\\ \\x01 é\": x"),
                arguments(FieldError.forbidden(SPEC.child("nodeName"), "may not be set on create"),
                        "FieldValueForbidden", "spec.nodeName", "Forbidden: may not be set on create"),
                arguments(FieldError.tooLong(META.child("annotations"), "", 262144),
                        "FieldValueTooLong", "metadata.annotations", "Too long: must have at most 262144 bytes"),
                arguments(FieldError.tooLong(META.child("annotations"), "x", -1),
                        "FieldValueTooLong", "metadata.annotations", "Too long: value is too long"),
                arguments(FieldError.tooMany(SPEC.child("containers"), 5, 3),
                        "FieldValueTooMany", "spec.containers", "Too many: 5: must have at most 3 items"),
                arguments(FieldError.tooMany(SPEC.child("containers"), -1, 3),
                        "FieldValueTooMany", "spec.containers", "Too many: must have at most 3 items"),
                arguments(FieldError.notFound(SPEC.child("volume"), "data"),
                        "FieldValueNotFound", "spec.volume", "Not found: \"data\""),
                arguments(FieldError.internalError(META.child("name"), "generateName was specified (\"x-\"), but no name was generated"),
                        "InternalError", "metadata.name",
                        "Internal error: generateName was specified (\"x-\"), but no name was generated"),
                arguments(FieldError.invalid(null, "k", "bad"),
                        "FieldValueInvalid", "<nil>", "Invalid value: \"k\": bad"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void wordsItsMessageAsKubernetes(FieldError error, String reason, String field, String body) {
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.body()).isEqualTo(body);
        assertThat(error.message()).isEqualTo(field + ": " + body);
    }
}
