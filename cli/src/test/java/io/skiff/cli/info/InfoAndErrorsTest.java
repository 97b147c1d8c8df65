package io.skiff.cli.info;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.SkiffVersion;
import io.skiff.apiserver.testing.HttpTestClient;
import io.skiff.apiserver.testing.TestApiServer;
import io.skiff.cli.config.CliConfig;
import io.skiff.cli.testing.CliRunner;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** api-resources, version, completion, the config file, and what a user sees when things go wrong. */
@Timeout(120)
class InfoAndErrorsTest {
    @RegisterExtension
    static final TestApiServer api = TestApiServer.sqlite();

    @TempDir
    Path home;

    CliRunner cli() {
        return CliRunner.against(api.url(), home);
    }

    @Test
    void apiResourcesListsWhatTheServerServes() {
        CliRunner.Result names = cli().run("api-resources", "-o", "name");
        assertThat(names.out()).isEqualTo("bindings\nendpoints\nevents\nnamespaces\nnodes\npods\n"
                + "replicationcontrollers\nservices\nleases.coordination.k8s.io\n");
        String table = cli().run("api-resources").out();
        assertThat(table.lines().findFirst()).hasValue("NAME                     SHORTNAMES   APIVERSION               NAMESPACED   KIND");
        assertThat(table).contains("\npods                     po           v1                       true         Pod\n")
                .contains("\nnodes                    no           v1                       false        Node\n")
                .contains("\nleases                                coordination.k8s.io/v1   true         Lease\n");
        assertThat(cli().run("api-resources", "--namespaced=false", "-o", "name").out()).isEqualTo("namespaces\nnodes\n");
        assertThat(cli().run("api-resources", "-o", "wide").out())
                .contains("[create delete deletecollection get list patch update watch]");
    }

    @Test
    void versionOfClientAndServer() {
        CliRunner.Result client = CliRunner.against(null, home).run("version", "--client");
        assertThat(client.code()).isZero();
        assertThat(client.out()).isEqualTo("Client Version: " + SkiffVersion.version() + " (Kubernetes API "
                + SkiffVersion.KUBERNETES_COMPAT + ")\n");

        // The CLI prints what the server's /version says, or its error when it has none.
        HttpTestClient.Response answer = api.http().get("/version");
        CliRunner.Result both = cli().run("version");
        assertThat(both.out()).startsWith(client.out());
        if (answer.code() == 200) {
            assertThat(both.code()).isZero();
            assertThat(both.out()).endsWith("Server Version: " + answer.json().path("gitVersion").asText() + "\n");
        } else {
            assertThat(both.code()).isEqualTo(1);
            assertThat(both.err()).startsWith("Error from server (NotFound): ");
        }
    }

    @Test
    void completionScripts() {
        CliRunner.Result bash = cli().run("completion", "bash");
        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_skiff").contains("apply").contains("--field-selector");
        assertThat(cli().run("completion", "zsh").out()).startsWith("#compdef skiff\n").contains("bashcompinit");
        assertThat(cli().run("completion", "fish").err()).isEqualTo("error: Unsupported shell type \"fish\".\n");
    }

    @Test
    void theConfigFileNamesTheServerWhenNothingElseDoes() throws Exception {
        CliConfig.forServer(api.url().toString()).save(home.resolve(".skiff").resolve("config"));
        CliRunner.Result r = CliRunner.against(null, home).run("get", "ns", "default", "-o", "name");
        assertThat(r.out()).as(r.toString()).isEqualTo("namespace/default\n");
    }

    @Test
    void anUnreachableServerIsOneClearLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRunner.Result r = CliRunner.against(null, home).run("get", "pods", "-s", "127.0.0.1:" + port);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("The connection to the server 127.0.0.1:" + port
                + " was refused - did you specify the right host or port?\n");
        // With -v 4 the stack trace follows, for bug reports.
        CliRunner.Result verbose = CliRunner.against(null, home).withEnv("SKIFF_SERVER", "http://127.0.0.1:" + port)
                .run("get", "pods", "-v=4");
        assertThat(verbose.err()).startsWith(r.err()).contains("io.skiff.client.ServerConnectionException")
                .contains("\tat ");
    }

    @Test
    void usageErrorsPointToHelp() {
        CliRunner.Result r = cli().run("get", "pods", "--no-such-flag");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: Unknown option: '--no-such-flag'\nSee 'skiff get --help' for usage.\n");
        assertThat(cli().run("get", "pods", "-o", "xml").err()).isEqualTo("error: unable to match a printer suitable"
                + " for the output format \"xml\", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml\n");
        assertThat(cli().run("get").err()).startsWith("error: Missing required parameter");
        assertThat(cli().run("get", "pods", "--request-timeout=soon").err()).isEqualTo("error: invalid --request-timeout"
                + " \"soon\": give a number of seconds or a duration like 30s, 500ms, 2m, 1h\n");
        CliRunner.Result help = cli().run("--help");
        assertThat(help.out()).contains("get", "describe", "apply", "delete", "scale", "logs", "drain", "api-resources");
    }
}
