package io.skiff.apiserver.auth;

import io.skiff.apiserver.RequestContext;

/**
 * Decides whether the user of a request may do it (verb, resource, namespace, name,
 * subresource are in {@link RequestContext#info()}). A denial is answered with 403 and the
 * decision's reason.
 */
@FunctionalInterface
public interface Authorizer {
    Authorizer ALLOW_ALL = request -> Decision.allow();

    Decision authorize(RequestContext request);

    record Decision(boolean allowed, String reason) {
        public static Decision allow() {
            return new Decision(true, "");
        }

        public static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }
}
