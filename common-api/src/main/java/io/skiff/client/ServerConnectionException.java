package io.skiff.client;

import java.net.URI;

/**
 * The apiserver could not be reached or the connection broke (refused, reset, TLS failure,
 * timeout): there is no Status because there was no answer. The message is one line naming the
 * server, e.g. {@code cannot reach the apiserver at http://localhost:8080: Connection refused}.
 */
public class ServerConnectionException extends RuntimeException {
    private final URI server;

    public ServerConnectionException(URI server, String what, Throwable cause) {
        super(what + " " + server + ": " + rootMessage(cause), cause);
        this.server = server;
    }

    public URI server() {
        return server;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = root.getClass().getSimpleName();
        }
        return msg.lines().findFirst().orElse(msg);
    }
}
