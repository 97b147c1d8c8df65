package io.skiff.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTest {
    static Stream<Arguments> homes() {
        Path jvmHome = Path.of(System.getProperty("user.home"));
        return Stream.of(
                Arguments.of("$HOME set", "/srv/skiff-user", Path.of("/srv/skiff-user")),
                Arguments.of("$HOME empty", "", jvmHome),
                Arguments.of("$HOME blank", "  ", jvmHome),
                Arguments.of("$HOME unset", null, jvmHome));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homes")
    void homeIsHomeWhenSetElseUserHome(String name, String home, Path expected) {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));
        if (home != null) {
            env.put("HOME", home);
        }
        assertThat(Terminal.homeOf(env)).isEqualTo(expected);
    }
}
