package io.skiff.kubelet.runtime.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedProcessTest {

    @Test
    void commandsEndAsTheyWouldForReal() {
        record Case(List<String> argv, List<String> output, Duration runFor, int exitCode) {}
        List<Case> cases = List.of(
                new Case(List.of(), List.of(), null, 0),
                new Case(List.of("nginx", "-g", "daemon off;"), List.of(), null, 0),
                new Case(List.of("/bin/sleep", "2.5"), List.of(), Duration.ofMillis(2500), 0),
                new Case(List.of("sleep", "forever"), List.of(), null, 0),
                new Case(List.of("true"), List.of(), Duration.ZERO, 0),
                new Case(List.of("false"), List.of(), Duration.ZERO, 1),
                new Case(List.of("echo", "a", "b"), List.of("a b"), Duration.ZERO, 0),
                new Case(List.of("sh", "-c", "exit 3"), List.of(), Duration.ZERO, 3),
                new Case(List.of("sh", "-c", "echo 'one two'; sleep 1 && echo three; exit 4; echo never"),
                        List.of("one two", "three"), Duration.ofSeconds(1), 4),
                new Case(List.of("sh", "-c", "trap 'exit 143' TERM; echo ready; while true; do sleep 1; done"),
                        List.of("ready"), null, 0),
                new Case(List.of("sh", "-c", "echo up\nsleep 0.5\nfalse"), List.of("up"), Duration.ofMillis(500), 1));
        for (Case k : cases) {
            SimulatedProcess process = SimulatedProcess.of(k.argv());
            assertThat(process.output()).as("%s", k.argv()).isEqualTo(k.output());
            assertThat(process.runFor()).as("%s", k.argv()).isEqualTo(k.runFor());
            assertThat(process.exitCode()).as("%s", k.argv()).isEqualTo(k.exitCode());
        }
    }
}
