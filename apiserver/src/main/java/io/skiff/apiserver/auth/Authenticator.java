package io.skiff.apiserver.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * Says who sent a request, from its headers (a bearer token, ...). Empty means "not
 * authenticated", which the server answers with 401. The insecure port uses {@link #UNSECURED}.
 */
@FunctionalInterface
public interface Authenticator {
    Authenticator UNSECURED = headers -> Optional.of(UserInfo.UNSECURED);

    /** @param headers a header by (case-insensitive) name, null when absent */
    Optional<UserInfo> authenticate(Function<String, String> headers);
}
