package io.skiff.cli.info;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.SkiffVersion;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Yaml;
import io.skiff.cli.command.Answers;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import io.skiff.client.RestClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff version}: this binary's version and the apiserver's ({@code GET /version}). */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the client and server versions.")
public final class VersionCommand extends ClientCommand {
    @Option(names = "--client", description = "Only the client version (no server needed).")
    boolean clientOnly;

    @Option(names = {"-o", "--output"}, paramLabel = "json|yaml", description = "Print as json or yaml.")
    String output;

    @Override
    protected int run(Session session) {
        if (output != null && !output.equals("json") && !output.equals("yaml")) {
            throw new CommandException("--output must be 'yaml' or 'json'");
        }
        ObjectNode client = JsonNodeFactory.instance.objectNode()
                .put("gitVersion", SkiffVersion.version())
                .put("kubernetesCompat", SkiffVersion.KUBERNETES_COMPAT)
                .put("platform", System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/"
                        + System.getProperty("os.arch"));
        if (output == null) {
            session.out().println("Client Version: " + SkiffVersion.version() + " (Kubernetes API "
                    + SkiffVersion.KUBERNETES_COMPAT + ")");
            session.out().flush();
        }
        JsonNode server = clientOnly ? null : Answers.json(session.client().rest()
                .send(RestClient.Request.get("/version", Map.of())));
        if (output == null) {
            if (server != null) {
                String v = server.path("gitVersion").asText("");
                session.out().println("Server Version: " + (v.isEmpty() ? server.toString() : v));
            }
            return 0;
        }
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.set("clientVersion", client);
        if (server != null) {
            all.set("serverVersion", server);
        }
        session.out().print(output.equals("json") ? Json.toPrettyString(all) : Yaml.toYaml(all));
        return 0;
    }
}
