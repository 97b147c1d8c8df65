package io.skiff.apiserver.auth;

import io.skiff.apiserver.RequestContext;
import java.util.List;
import java.util.Set;

/** The authorizers of the secure port, and their union. */
public final class Authorizers {
    /** Paths every authenticated user may read: discovery, version, OpenAPI (Kubernetes' system:discovery). */
    private static final Set<String> DISCOVERY_PREFIXES = Set.of("/api", "/apis", "/version", "/openapi",
            "/swagger-2.0.0.pb-v1", "/healthz", "/livez", "/readyz");

    private Authorizers() {}

    /** {@code system:masters} may do everything. */
    public static final Authorizer MASTERS = request -> request.user() != null
            && request.user().inGroup(UserInfo.GROUP_MASTERS) ? Authorizer.Decision.allow()
            : Authorizer.Decision.deny("");

    /** GET of the discovery documents for any authenticated user. */
    public static final Authorizer DISCOVERY = request -> {
        String path = request.info().path();
        boolean discovery = request.info().verb().equals("get") && !request.info().resourceRequest()
                && DISCOVERY_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        return discovery ? Authorizer.Decision.allow() : Authorizer.Decision.deny("");
    };

    /** Allowed when any allows; otherwise the first denial that gives a reason. */
    public static Authorizer union(Authorizer... authorizers) {
        List<Authorizer> all = List.of(authorizers);
        return request -> union(all, request);
    }

    private static Authorizer.Decision union(List<Authorizer> all, RequestContext request) {
        String reason = "";
        for (Authorizer a : all) {
            Authorizer.Decision d = a.authorize(request);
            if (d.allowed()) {
                return d;
            }
            if (reason.isEmpty()) {
                reason = d.reason();
            }
        }
        return Authorizer.Decision.deny(reason);
    }
}
