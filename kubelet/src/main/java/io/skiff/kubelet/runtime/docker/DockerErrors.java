package io.skiff.kubelet.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import io.skiff.kubelet.runtime.ContainerRuntimeException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java failures into the runtime's exceptions, keeping Docker's own words. */
final class DockerErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** docker-java formats an error response as {@code Status 404: {"message":"..."}}. */
    private static final Pattern STATUS_PREFIX = Pattern.compile("(?s)^Status \\d+: (.*)$");

    private DockerErrors() {}

    /** Docker's message for a failure: the {@code message} of its JSON error body when there is one. */
    static String message(Throwable failure) {
        if (failure instanceof DockerException docker) {
            String text = docker.getMessage() == null ? "" : docker.getMessage();
            Matcher m = STATUS_PREFIX.matcher(text);
            String body = (m.matches() ? m.group(1) : text).strip();
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.hasNonNull("message")) {
                    return node.get("message").asText().strip();
                }
            } catch (IOException notJson) {
                // Some errors come as plain text; that text is the message.
            }
            return body;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null || text.isBlank() ? root.getClass().getSimpleName() : text;
    }

    /** A failure of {@code operation} that has no more specific meaning to the runtime. */
    static ContainerRuntimeException translate(String operation, Throwable failure) {
        if (failure instanceof ContainerRuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof DockerException) {
            return new ContainerRuntimeException(operation + ": " + message(failure), failure);
        }
        if (causedByIo(failure)) {
            return new ContainerRuntimeException(operation + ": cannot talk to the container engine: "
                    + message(failure), failure);
        }
        return new ContainerRuntimeException(operation + ": " + message(failure), failure);
    }

    static boolean causedByIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
