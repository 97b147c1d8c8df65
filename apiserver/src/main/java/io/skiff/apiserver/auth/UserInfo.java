package io.skiff.apiserver.auth;

import java.util.List;
import java.util.Objects;

/** Who sent a request, as an {@link Authenticator} established it. */
public record UserInfo(String name, String uid, List<String> groups) {
    public static final String GROUP_MASTERS = "system:masters";
    public static final String GROUP_AUTHENTICATED = "system:authenticated";

    /**
     * Everybody on the insecure port (the 2014 default, 127.0.0.1:8080): Kubernetes treats those
     * requests as {@code system:unsecured} in {@code system:masters}.
     */
    public static final UserInfo UNSECURED =
            new UserInfo("system:unsecured", "", List.of(GROUP_MASTERS, GROUP_AUTHENTICATED));

    /** Who a request is from before (or without) authentication, as Kubernetes names it. */
    public static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));

    public UserInfo {
        Objects.requireNonNull(name, "name");
        uid = uid == null ? "" : uid;
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
