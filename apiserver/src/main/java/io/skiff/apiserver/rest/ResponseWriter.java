package io.skiff.apiserver.rest;

import io.javalin.http.Context;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.Status;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.printing.Printer;

/**
 * Writes API answers: JSON, or what the {@link Printer} makes of a successful answer when the
 * client's Accept asks for another form ({@code as=Table}). Errors are Status objects.
 */
public final class ResponseWriter {
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
        ctx.status(response.code()).contentType(JSON).result(Json.toBytes(body));
    }

    public static void writeError(Context ctx, ApiException e) {
        Status status = e.status();
        byte[] body = Json.toBytes(status);
        ctx.status(status.code()).contentType(JSON);
        if (ctx.header("Sec-WebSocket-Key") != null) {
            // A refused websocket upgrade: Javalin does not write results of upgrade requests.
            try {
                ctx.res().setContentLength(body.length);
                ctx.res().getOutputStream().write(body);
                ctx.res().flushBuffer();
            } catch (java.io.IOException ignored) {
                // the client is gone
            }
            return;
        }
        ctx.result(body);
    }

    /** Whether an Accept header asks for a transformed answer ({@code ;as=Table;...}). */
    public static boolean wantsPrinting(String accept) {
        return accept != null && accept.contains("as=");
    }

    Printer printer() {
        return printer;
    }
}
