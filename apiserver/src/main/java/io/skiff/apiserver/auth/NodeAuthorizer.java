package io.skiff.apiserver.auth;

import io.skiff.api.coordination.Lease;
import io.skiff.api.core.Pod;
import io.skiff.apiserver.RequestContext;
import io.skiff.apiserver.RequestInfo;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What a kubelet may do, as Kubernetes' Node authorizer and {@code system:node} role allow it:
 * a user {@code system:node:<node>} in group {@code system:nodes} may read pods, services,
 * endpoints and nodes; create, update and patch its own Node (and its status) and its own Lease in
 * {@code kube-node-lease}; update the status of, and delete, the pods bound to it (read through
 * the registry, so the answer is the stored {@code spec.nodeName}); create and patch events.
 * Nothing else. Objects created here are not checked by name (that would need the body, which
 * Kubernetes' NodeRestriction admission reads); everything else names its object in the path.
 */
public final class NodeAuthorizer implements Authorizer {
    public static final String GROUP_NODES = "system:nodes";
    public static final String USER_PREFIX = "system:node:";
    private static final Set<String> READ = Set.of("get", "list", "watch");
    private static final Set<String> READABLE = Set.of("pods", "services", "endpoints", "nodes");
    private static final Set<String> WRITE = Set.of("update", "patch");

    private final BiFunction<String, String, Optional<Pod>> pods;

    /** @param pods finds a stored pod by namespace and name */
    public NodeAuthorizer(BiFunction<String, String, Optional<Pod>> pods) {
        this.pods = pods;
    }

    @Override
    public Decision authorize(RequestContext request) {
        UserInfo user = request.user();
        if (user == null || !user.inGroup(GROUP_NODES) || !user.name().startsWith(USER_PREFIX)) {
            return Decision.deny("");
        }
        String node = user.name().substring(USER_PREFIX.length());
        RequestInfo info = request.info();
        if (!info.resourceRequest()) {
            return Decision.deny("");
        }
        String verb = info.verb();
        String resource = info.resource();
        String sub = info.subresource();
        if (info.apiGroup().isEmpty() && READABLE.contains(resource) && READ.contains(verb) && sub.isEmpty()) {
            return Decision.allow();
        }
        if (info.apiGroup().isEmpty() && resource.equals("nodes") && (sub.isEmpty() || sub.equals("status"))) {
            if (verb.equals("create") && sub.isEmpty()) {
                return Decision.allow(); // registration; the name is in the body
            }
            if ((WRITE.contains(verb) || verb.equals("get")) && info.name().equals(node)) {
                return Decision.allow();
            }
        }
        if (info.apiGroup().equals(Lease.GROUP) && resource.equals("leases") && sub.isEmpty()
                && info.namespace().equals(Lease.NODE_LEASE_NAMESPACE)) {
            if (verb.equals("create") || (info.name().equals(node) && (WRITE.contains(verb) || verb.equals("get")))) {
                return Decision.allow();
            }
        }
        if (info.apiGroup().isEmpty() && resource.equals("events") && sub.isEmpty()
                && (verb.equals("create") || verb.equals("patch") || verb.equals("update"))) {
            return Decision.allow();
        }
        if (info.apiGroup().isEmpty() && resource.equals("pods") && !info.name().isEmpty()
                && ((sub.equals("status") && WRITE.contains(verb)) || (sub.isEmpty() && verb.equals("delete")))) {
            return boundTo(node, info) ? Decision.allow() : Decision.deny("");
        }
        return Decision.deny("");
    }

    private boolean boundTo(String node, RequestInfo info) {
        return pods.apply(info.namespace(), info.name())
                .map(p -> p.spec() != null && node.equals(p.spec().nodeName())).orElse(false);
    }
}
