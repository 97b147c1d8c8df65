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

    /**
     * The most telling message in the chain: the outermost one a wrapper did not just copy from
     * its cause; the JDK's refused connection has none at all, so it is named here.
     */
    static String rootMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String msg = c.getMessage();
            boolean copied = c.getCause() != null && msg != null && msg.equals(c.getCause().toString());
            if (msg != null && !msg.isBlank() && !copied) {
                return msg.lines().findFirst().orElse(msg);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return "Connection refused";
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
