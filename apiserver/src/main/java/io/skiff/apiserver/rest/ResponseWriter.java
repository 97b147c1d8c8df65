package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.Status;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.printing.Printer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes API answers: JSON, or what the {@link Printer} makes of a successful answer when the
 * client's Accept asks for another form ({@code as=Table}). Errors are Status objects.
 */
public final class ResponseWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);
    public static final String JSON = "application/json";

    private final Printer printer;

    public ResponseWriter(Printer printer) {
        this.printer = printer;
    }

    public void write(Context ctx, RequestContext rc, ApiResponse response) {
        ApiObject body = response.body();
        if (response.code() < 300 && rc != null && wantsPrinting(rc.header("Accept"))) {
            body = printer.print(rc, body).orElse(body);
        }
        writeBody(ctx, response.code(), Json.toBytes(body));
    }

    /**
     * Writes a JSON answer straight to the servlet response: Javalin's {@code result} would wrap
     * the bytes in a stream and copy them through its compression layer, a cost on every request.
     */
    public static void writeBody(Context ctx, int code, byte[] body) {
        ctx.status(code).contentType(JSON);
        try {
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            LOG.debug("{} {}: client gone before its answer: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    public static void writeError(Context ctx, ApiException e) {
        Status status = e.status();
        writeBody(ctx, status.code(), Json.toBytes(status));
        if (ctx.header("Sec-WebSocket-Key") != null) {
            // A refused websocket upgrade: Javalin does not complete upgrade requests itself.
            try {
                ctx.res().flushBuffer();
            } catch (IOException ignored) {
                // the client is gone
            }
        }
    }

    /** Whether an Accept header asks for a transformed answer ({@code ;as=Table;...}). */
    public static boolean wantsPrinting(String accept) {
        return accept != null && accept.contains("as=");
    }

    Printer printer() {
        return printer;
    }
}
