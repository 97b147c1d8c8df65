package io.skiff.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --token-auth-file lines as Kubernetes reads them, and the errors that name the bad line. */
class TokenFileTest {
    @Test
    void readsUsersUidsAndQuotedGroups() {
        Map<String, UserInfo> users = TokenFile.parse("""
                t1,alice,1,"system:masters,dev"
                t2,system:node:n1,2,system:nodes

                t3,bob,3
                "t,4",carol,"4",
                """, "tokens.csv");
        assertThat(users).hasSize(4);
        assertThat(users.get("t1")).isEqualTo(new UserInfo("alice", "1", List.of("system:masters", "dev")));
        assertThat(users.get("t2")).isEqualTo(new UserInfo("system:node:n1", "2", List.of("system:nodes")));
        assertThat(users.get("t3")).isEqualTo(new UserInfo("bob", "3", List.of()));
        assertThat(users.get("t,4")).isEqualTo(new UserInfo("carol", "4", List.of()));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("t1,alice\n", "tokens.csv:1: want token,user,uid[,\"groups\"], got 2 field(s)"),
                Arguments.of("t1,alice,1\n,bob,2\n", "tokens.csv:2: the token is empty"),
                Arguments.of("t1,,1\n", "tokens.csv:1: the user name is empty"),
                Arguments.of("t1,alice,1\nt1,bob,2\n", "tokens.csv:2: the token of line 2 appears twice"),
                Arguments.of("t1,alice,1,\"a,b\n", "tokens.csv:1: unterminated quote"),
                Arguments.of("t1,al\"ice,1\n", "tokens.csv:1: bad quote at column 6"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void badLinesAreNamed(String text, String message) {
        assertThatThrownBy(() -> TokenFile.parse(text, "tokens.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void bearerTokensNameUsersOnTheSecurePortOnly() {
        TokenAuthenticator auth = new TokenAuthenticator(TokenFile.parse("t1,alice,1,dev\n", "f"));
        Map<String, String> secure = Map.of(SecureServing.SECURE_PORT_HEADER, "true", "Authorization", "Bearer t1");
        assertThat(auth.authenticate(secure::get)).contains(new UserInfo("alice", "1",
                List.of("dev", UserInfo.GROUP_AUTHENTICATED)));
        assertThat(auth.authenticate(Map.of(SecureServing.SECURE_PORT_HEADER, "true", "Authorization", "Bearer t2")::get))
                .isEmpty();
        assertThat(auth.authenticate(Map.of(SecureServing.SECURE_PORT_HEADER, "true", "Authorization", "Basic dDE=")::get))
                .isEmpty();
        assertThat(auth.authenticate(Map.of("Authorization", "Bearer nothing")::get)).contains(UserInfo.UNSECURED);
    }
}
