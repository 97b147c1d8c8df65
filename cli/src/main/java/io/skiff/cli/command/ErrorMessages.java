package io.skiff.cli.command;

import io.skiff.api.meta.Status;
import io.skiff.api.meta.StatusCause;
import io.skiff.client.ApiException;
import io.skiff.client.ServerConnectionException;
import java.net.ConnectException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Errors worded as kubectl words them ({@code cmdutil.CheckErr}): the server's Status as
 * {@code Error from server (NotFound): pods "x" not found}; an Invalid answer as
 * {@code The Pod "x" is invalid: } with every cause on its own line; an unreachable server in
 * one line; anything else as {@code error: ...}. Each message ends with a newline.
 */
public final class ErrorMessages {
    private ErrorMessages() {}

    public static String of(Throwable e) {
        return switch (e) {
            case ApiException api when api.isInvalid() -> invalid(api.status());
            case ApiException api -> fromServer(api.status());
            case ServerConnectionException conn -> unreachable(conn);
            default -> {
                String msg = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                        : e.getMessage();
                yield (msg.startsWith("error: ") ? msg : "error: " + msg) + "\n";
            }
        };
    }

    /** {@code Error from server (Reason): message}; without a known reason, {@code Error from server: message}. */
    static String fromServer(Status s) {
        String reason = s.reason() == null || s.reason().isEmpty() || "Unknown".equals(s.reason()) ? null : s.reason();
        String message = s.message() == null || s.message().isEmpty()
                ? "an error on the server (\"unknown\") has prevented the request from succeeding" : s.message();
        return (reason == null ? "Error from server: " : "Error from server (" + reason + "): ") + message + "\n";
    }

    /**
     * {@code The Pod "x" is invalid: spec.containers[0].image: Required value}, or with several
     * causes the first line alone and then {@code * field: message} per cause (duplicates once).
     */
    static String invalid(Status s) {
        String kind = s.details() == null ? null : s.details().kind();
        String name = s.details() == null ? null : s.details().name();
        String prefix = (kind == null || kind.isEmpty()) && (name == null || name.isEmpty())
                ? "The request is invalid"
                : "The " + (kind == null ? "" : kind) + " \"" + (name == null ? "" : name) + "\" is invalid";
        Set<String> causes = new LinkedHashSet<>();
        for (StatusCause c : s.causes()) {
            causes.add(c.field() == null || c.field().isEmpty() ? c.message() : c.field() + ": " + c.message());
        }
        if (causes.isEmpty()) {
            return (s.message() != null && !s.message().isEmpty() ? s.message() : prefix) + "\n";
        }
        if (causes.size() == 1) {
            return prefix + ": " + causes.iterator().next() + "\n";
        }
        StringBuilder sb = new StringBuilder(prefix).append(": \n");
        causes.forEach(c -> sb.append("* ").append(c).append('\n'));
        return sb.toString();
    }

    /** kubectl's wording: refused names {@code host:port} and asks about it; other failures say why. */
    static String unreachable(ServerConnectionException e) {
        URI server = e.server();
        for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException) {
                return "The connection to the server " + hostPort(server)
                        + " was refused - did you specify the right host or port?\n";
            }
        }
        String msg = e.getMessage();
        String marker = server + ": ";
        int at = msg == null ? -1 : msg.indexOf(marker);
        String why = at < 0 ? String.valueOf(msg) : msg.substring(at + marker.length());
        return "Unable to connect to the server " + hostPort(server) + ": " + why + "\n";
    }

    /**
     * The same error with the file it came from, as kubectl's {@code AddSourceToErr}:
     * {@code error when creating "pod.yaml": pods "x" already exists}.
     */
    public static RuntimeException withSource(RuntimeException e, String verb, String source) {
        if (source == null || !(e instanceof ApiException api) || api.isInvalid()) {
            return e;
        }
        Status s = api.status();
        return new ApiException(new Status(s.metadata(), s.status(),
                "error when " + verb + " \"" + source + "\": " + s.message(), s.reason(), s.details(), s.code()));
    }

    static String hostPort(URI server) {
        int port = server.getPort() >= 0 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80;
        return server.getHost() + ":" + port;
    }

    /** The stack trace, for {@code -v 4} and more. */
    public static String stackTrace(Throwable e) {
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        return sw.toString();
    }
}
