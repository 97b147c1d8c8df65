package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.Cases.remove;
import static io.skiff.api.validation.Cases.set;
import static io.skiff.api.validation.KubernetesText.QUALIFIED_NAME_PART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.core.Event;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** core/v1 events: old-style (no eventTime) and new-style (with eventTime, reporter and action). */
class EventValidationTest {

    private static final List<Cases.Edit> OLD_STYLE = List.of(remove("/eventTime"), remove("/reportingComponent"),
            remove("/reportingInstance"), remove("/action"));

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("golden event", List.of(), errors()),
                arguments("old-style event", OLD_STYLE, errors()),
                // New-style events only need a namespace of their own when the object has none.
                arguments("new-style event about an object elsewhere", List.of(set("/involvedObject/namespace", "kube-system")),
                        errors()),
                arguments("new-style event about a cluster object, outside default",
                        List.of(remove("/involvedObject/namespace"), set("/metadata/namespace", "team-a")),
                        errors("involvedObject.namespace: Invalid value: \"\": does not match event.namespace")),
                arguments("old-style event elsewhere", concat(OLD_STYLE, set("/involvedObject/namespace", "kube-system")),
                        errors("involvedObject.namespace: Invalid value: \"kube-system\": does not match event.namespace")),
                arguments("old-style event about a cluster object", concat(OLD_STYLE, remove("/involvedObject/namespace")),
                        errors()),
                arguments("no reporter", List.of(remove("/reportingComponent")),
                        errors("reportingComponent: Required value",
                                "reportingComponent: Invalid value: \"\": name part must be non-empty",
                                "reportingComponent: Invalid value: \"\": " + QUALIFIED_NAME_PART)),
                arguments("no action and reason", List.of(remove("/action"), remove("/reason")),
                        errors("action: Required value", "reason: Required value")),
                arguments("reason too long", List.of(set("/reason", "R".repeat(129))),
                        errors("reason: Invalid value: \"\": can have at most 128 characters")),
                arguments("message too long", List.of(set("/message", "m".repeat(1025))),
                        errors("message: Invalid value: \"\": can have at most 1024 characters")),
                arguments("message at the limit", List.of(set("/message", "m".repeat(1024))), errors()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void validatesEvents(String rule, List<Cases.Edit> edits, List<Cases.Expected> expected) {
        Event event = Cases.object("event.json", edits);

        assertThat(actual(Validators.validate(event))).containsExactlyElementsOf(expected);
        assertThat(actual(Validators.validateUpdate(event, Cases.object("event.json", List.of()))))
                .containsExactlyElementsOf(expected);
    }

    private static List<Cases.Edit> concat(List<Cases.Edit> base, Cases.Edit... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toList();
    }
}
