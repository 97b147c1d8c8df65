package io.skiff.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.skiff.api.SkiffVersion;
import io.skiff.api.codec.Json;
import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.RouteRegistrar;
import io.skiff.apiserver.discovery.Discovery;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code /openapi/v2} in JSON, or as the gnostic protobuf when the Accept header names it (as
 * kubectl's discovery client does), and {@code /swagger-2.0.0.pb-v1}, the older protobuf path
 * clients fall back to. The document is built once, at start, from the served resources; both
 * forms carry an ETag so clients may cache them.
 */
public final class OpenApiRoutes implements RouteRegistrar {
    public static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    /**
     * The answer's type is not PROTOBUF: its '@' is no token character, so Go's mime parser (client-go
     * reading the Content-Type) fails on it. Kubernetes lets net/http sniff the type, which says this.
     */
    static final String PROTOBUF_CONTENT_TYPE = "application/octet-stream";

    @Override
    public void register(JavalinDefaultRouting routes, ApiServer server) {
        JsonNode doc = OpenApiDocument.build(server.scheme(), Discovery.servedGroupVersions(server),
                SkiffVersion.KUBERNETES_COMPAT + "-skiff." + SkiffVersion.version());
        byte[] json = Json.toBytes(doc);
        byte[] proto = OpenApiProtobuf.document(doc).toByteArray();
        String jsonTag = etag(json);
        String protoTag = etag(proto);
        routes.get("/openapi/v2", ctx -> {
            String accept = ctx.header("Accept");
            if (accept != null && accept.contains(PROTOBUF)) {
                write(ctx, PROTOBUF_CONTENT_TYPE, proto, protoTag);
            } else {
                write(ctx, "application/json", json, jsonTag);
            }
        });
        routes.get("/swagger-2.0.0.pb-v1", ctx -> write(ctx, PROTOBUF_CONTENT_TYPE, proto, protoTag));
    }

    private static void write(Context ctx, String contentType, byte[] body, String etag) {
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(body);
            return "\"" + HexFormat.of().withUpperCase().formatHex(digest, 0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
