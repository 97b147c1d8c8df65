package io.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.controller.ControllerManagerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ControllerManagerCommandTest {

    private static ControllerManagerConfig parse(String... args) {
        ControllerManagerCommand cmd = new ControllerManagerCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.config();
    }

    @Test
    void defaultsAreKubernetes() {
        ControllerManagerConfig c = parse("--server", "http://127.0.0.1:18080");
        assertThat(c.client().server()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(c.controllers()).isEqualTo(ControllerManagerConfig.ALL_CONTROLLERS);
        assertThat(c.concurrentRcSyncs()).isEqualTo(5);
        assertThat(c.nodeMonitorGracePeriod()).isEqualTo(Duration.ofSeconds(40));
        assertThat(c.podEvictionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.port()).isEqualTo(10252);
        assertThat(c.leaderElection().namespace()).isEqualTo("kube-system");
        assertThat(c.leaderElection().name()).isEqualTo("skiff-controller-manager");
        assertThat(c.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.leaderElection().renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.leaderElection().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void flagsAreApplied() {
        ControllerManagerConfig c = parse("--server=127.0.0.1:8080", "--concurrent-rc-syncs=12",
                "--node-monitor-grace-period=1m", "--pod-eviction-timeout=90s", "--leader-elect=false",
                "--controllers=*,-endpoints", "--port=0", "--token=abc");
        assertThat(c.client().server()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(c.concurrentRcSyncs()).isEqualTo(12);
        assertThat(c.nodeMonitorGracePeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.podEvictionTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.leaderElection()).isNull();
        assertThat(c.controllers()).isEqualTo(Set.of("replication", "scheduler", "node-lifecycle", "garbage-collector"));
        assertThat(c.port()).isZero();
        assertThat(c.client().bearerToken()).isEqualTo("abc");
    }

    @Test
    void leaderElectionTimingsAndIdentity() {
        ControllerManagerConfig c = parse("--leader-elect-lease-duration=30s", "--leader-elect-renew-deadline=20s",
                "--leader-elect-retry-period=1s", "--leader-elect-identity=cm-1");
        assertThat(c.leaderElection().identity()).isEqualTo("cm-1");
        assertThat(c.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badFlagsAreClearErrors() {
        assertThatThrownBy(() -> parse("--leader-elect-lease-duration=5s"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--leader-elect-renew-deadline (PT10S) must be shorter than"
                        + " --leader-elect-lease-duration (PT5S)");
        assertThatThrownBy(() -> parse("--controllers=replication,bogus"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("unknown controller \"bogus\"");
        assertThatThrownBy(() -> parse("--concurrent-rc-syncs=0"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--concurrent-rc-syncs must be at least 1, got 0");
        assertThatThrownBy(() -> parse("--pod-eviction-timeout=5 minutes"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("invalid duration");
    }
}
