package io.skiff.apiserver.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bearer tokens from {@code --token-auth-file}: {@code Authorization: Bearer <token>} names a
 * user; no token or an unknown one is unauthenticated (401). Every authenticated user is also in
 * {@code system:authenticated}, as in Kubernetes. Requests that came through the insecure port
 * (no {@link SecureServing#SECURE_PORT_HEADER}) stay {@link UserInfo#UNSECURED}, as in 2014.
 */
public final class TokenAuthenticator implements Authenticator {
    private final Map<String, UserInfo> users;

    public TokenAuthenticator(Map<String, UserInfo> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public Optional<UserInfo> authenticate(Function<String, String> headers) {
        if (headers.apply(SecureServing.SECURE_PORT_HEADER) == null) {
            return Optional.of(UserInfo.UNSECURED);
        }
        String authorization = headers.apply("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        UserInfo user = users.get(authorization.substring(7).trim());
        if (user == null) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>(user.groups());
        if (!groups.contains(UserInfo.GROUP_AUTHENTICATED)) {
            groups.add(UserInfo.GROUP_AUTHENTICATED);
        }
        return Optional.of(new UserInfo(user.name(), user.uid(), groups));
    }
}
