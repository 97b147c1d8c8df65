package io.skiff.apiserver;

import io.javalin.http.Context;
import io.skiff.apiserver.auth.Authenticator;
import io.skiff.apiserver.auth.Authorizer;
import io.skiff.apiserver.auth.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every request enters: its {@link RequestContext} is built (what, by whom), the user
 * authenticated (401 without one) and the request authorized (403 with the reason). Runs for
 * plain HTTP requests and for websocket upgrades alike; the health endpoints are exempt.
 */
public final class RequestGate {
    private final Authenticator authenticator;
    private final Authorizer authorizer;

    public RequestGate(Authenticator authenticator, Authorizer authorizer) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    /** The request's context, admitted; built once and kept on the Javalin context. */
    public RequestContext admit(Context ctx) {
        RequestContext existing = ctx.attribute(RequestContext.ATTRIBUTE);
        if (existing != null) {
            return existing;
        }
        Map<String, List<String>> query = ctx.queryParamMap(); // Javalin parses the query string on every call
        List<String> watches = query.getOrDefault("watch", List.of());
        String watch = watches.isEmpty() ? null : watches.getFirst();
        RequestInfo info = RequestInfo.parse(ctx.method().name(), ctx.path(),
                "true".equals(watch) || "1".equals(watch) || "True".equals(watch));
        RequestContext rc = new RequestContext(info, UserInfo.ANONYMOUS, query, ctx::header, System.nanoTime());
        ctx.attribute(RequestContext.ATTRIBUTE, rc);
        Optional<UserInfo> user = authenticator.authenticate(ctx::header);
        if (user.isEmpty()) {
            throw new ApiException(io.skiff.api.meta.Status.failure(401, io.skiff.api.meta.Status.REASON_UNAUTHORIZED,
                    "Unauthorized", null));
        }
        rc = rc.withUser(user.get());
        ctx.attribute(RequestContext.ATTRIBUTE, rc);
        Authorizer.Decision decision = authorizer.authorize(rc);
        if (!decision.allowed()) {
            throw ApiErrors.forbidden(new GroupResource(info.apiGroup(), info.resource()), info.name(),
                    forbiddenMessage(rc) + (decision.reason().isEmpty() ? "" : ": " + decision.reason()));
        }
        return rc;
    }

    /** Worded as Kubernetes' authorization filter words it (kubectl users know these lines). */
    static String forbiddenMessage(RequestContext rc) {
        RequestInfo info = rc.info();
        String user = "User \"" + rc.user().name() + "\" cannot " + info.verb();
        if (!info.resourceRequest()) {
            return "forbidden: " + user + " path \"" + info.path() + "\"";
        }
        String resource = info.subresource().isEmpty() ? info.resource() : info.resource() + "/" + info.subresource();
        return user + " resource \"" + resource + "\" in API group \"" + info.apiGroup() + "\""
                + (info.namespace().isEmpty() ? " at the cluster scope" : " in the namespace \"" + info.namespace() + "\"");
    }
}
