package io.skiff.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.api.meta.StatusDetails;
import io.skiff.client.ApiException;
import io.skiff.client.ServerConnectionException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of failure, worded as kubectl words it. */
class ErrorMessagesTest {
    static StatusCause cause(String field, String message) {
        return new StatusCause(StatusCause.FIELD_VALUE_INVALID, message, field);
    }

    static ApiException invalid(List<StatusCause> causes) {
        return new ApiException(Status.failure(422, Status.REASON_INVALID, "Pod \"web\" is invalid: ...",
                new StatusDetails("web", null, "Pod", null, causes, null)));
    }

    static Stream<Arguments> errors() {
        URI server = URI.create("http://127.0.0.1:8080");
        return Stream.of(
                Arguments.of(new ApiException(Status.failure(404, Status.REASON_NOT_FOUND, "pods \"x\" not found", null)),
                        "Error from server (NotFound): pods \"x\" not found\n"),
                Arguments.of(new ApiException(Status.failure(409, Status.REASON_CONFLICT, "the object has been modified",
                        null)), "Error from server (Conflict): the object has been modified\n"),
                Arguments.of(new ApiException(Status.failure(502, "", "bad gateway", null)),
                        "Error from server: bad gateway\n"),
                Arguments.of(invalid(List.of(cause("spec.containers[0].image", "Required value"))),
                        "The Pod \"web\" is invalid: spec.containers[0].image: Required value\n"),
                Arguments.of(invalid(List.of(cause("spec.containers[0].image", "Required value"),
                                cause("metadata.name", "Invalid value: \"A\": a lowercase RFC 1123 subdomain"),
                                cause("spec.containers[0].image", "Required value"))),
                        "The Pod \"web\" is invalid: \n* spec.containers[0].image: Required value\n"
                                + "* metadata.name: Invalid value: \"A\": a lowercase RFC 1123 subdomain\n"),
                Arguments.of(new ServerConnectionException(server, "cannot reach the apiserver at",
                                new java.io.IOException(new ConnectException())),
                        "The connection to the server 127.0.0.1:8080 was refused - did you specify the right host or port?\n"),
                Arguments.of(new ServerConnectionException(URI.create("https://10.0.0.1"), "no answer in PT1S from",
                                new HttpTimeoutException("request timed out")),
                        "Unable to connect to the server 10.0.0.1:443: request timed out\n"),
                Arguments.of(new CommandException("the server doesn't have a resource type \"foo\""),
                        "error: the server doesn't have a resource type \"foo\"\n"),
                Arguments.of(new IllegalStateException(), "error: IllegalStateException\n"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void wordsErrorsAsKubectl(Throwable e, String expected) {
        assertThat(ErrorMessages.of(e)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void addsTheSourceFileToServerErrorsButNotToInvalidOnes() {
        ApiException exists = new ApiException(Status.failure(409, Status.REASON_ALREADY_EXISTS,
                "pods \"x\" already exists", null));
        assertThat(ErrorMessages.of(ErrorMessages.withSource(exists, "creating", "pod.yaml")))
                .isEqualTo("Error from server (AlreadyExists): error when creating \"pod.yaml\": pods \"x\" already exists\n");
        ApiException bad = invalid(List.of(cause("spec", "Required value")));
        assertThat(ErrorMessages.withSource(bad, "creating", "pod.yaml")).isSameAs(bad);
    }
}
