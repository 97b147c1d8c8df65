package io.skiff.cli.get;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class GetCommandTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    @TempDir
    static Path home;

    @Test
    void smoke() {
        CliRunner cli = CliRunner.against(api.url(), home);
        System.out.println(cli.run("get", "namespaces"));
        System.out.println(cli.run("get", "ns", "-o", "json"));
        System.out.println(cli.run("get", "pods"));
        System.out.println(cli.run("get", "pods", "nope"));
        System.out.println(cli.run("get", "foo"));
        assertThat(cli.run("get", "ns").code()).isZero();
    }
}
