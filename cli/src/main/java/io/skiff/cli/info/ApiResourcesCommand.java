package io.skiff.cli.info;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.cli.command.Answers;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import io.skiff.cli.output.TabWriter;
import io.skiff.client.ApiException;
import io.skiff.client.RestClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skiff api-resources}: the resources the server serves, from discovery ({@code /api/v1}
 * and {@code /apis/<group>/<version>}); from this client's own resource table when the server
 * has no discovery (an apiserver older than discovery).
 */
@Command(name = "api-resources", mixinStandardHelpOptions = true, description = "Print the supported API resources.")
public final class ApiResourcesCommand extends ClientCommand {
    /** One row: what discovery's APIResource says. */
    record Resource(String name, List<String> shortNames, String apiVersion, boolean namespaced, String kind,
            List<String> verbs) {
        String group() {
            int slash = apiVersion.indexOf('/');
            return slash < 0 ? "" : apiVersion.substring(0, slash);
        }
    }

    @Option(names = {"-o", "--output"}, paramLabel = "wide|name", description = "wide adds VERBS; name prints names only.")
    String output;

    @Option(names = "--no-headers", description = "No header line.")
    boolean noHeaders;

    @Option(names = "--namespaced", arity = "1", paramLabel = "true|false", description = "Only namespaced (true) or cluster-scoped (false) resources.")
    Boolean namespaced;

    @Override
    protected int run(Session session) {
        if (output != null && !output.equals("wide") && !output.equals("name")) {
            throw new CommandException("--output " + output + " is not available");
        }
        List<Resource> resources = new ArrayList<>(discover(session));
        resources.removeIf(r -> namespaced != null && r.namespaced() != namespaced);
        resources.sort(Comparator.comparing(Resource::group).thenComparing(Resource::name));
        if ("name".equals(output)) {
            resources.forEach(r -> session.out().println(r.group().isEmpty() ? r.name() : r.name() + "." + r.group()));
            return 0;
        }
        TabWriter tabs = TabWriter.forTables();
        boolean wide = "wide".equals(output);
        if (!noHeaders) {
            tabs.row(wide ? List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS")
                    : List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"));
        }
        for (Resource r : resources) {
            List<String> row = new ArrayList<>(List.of(r.name(), String.join(",", r.shortNames()), r.apiVersion(),
                    String.valueOf(r.namespaced()), r.kind()));
            if (wide) {
                row.add("[" + String.join(" ", r.verbs()) + "]");
            }
            tabs.row(row);
        }
        session.out().print(tabs.flush());
        return 0;
    }

    /** From the server's discovery documents; from the client's scheme if the server has none. */
    private static List<Resource> discover(Session session) {
        List<String> groupVersions = new ArrayList<>();
        try {
            JsonNode core = get(session, "/api");
            core.path("versions").forEach(v -> groupVersions.add(v.asText()));
            JsonNode groups = get(session, "/apis");
            for (JsonNode g : groups.path("groups")) {
                JsonNode preferred = g.path("preferredVersion").path("groupVersion");
                groupVersions.add(preferred.isMissingNode() ? g.path("versions").path(0).path("groupVersion").asText()
                        : preferred.asText());
            }
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            return fromScheme(session);
        }
        List<Resource> out = new ArrayList<>();
        for (String gv : groupVersions) {
            JsonNode list = get(session, gv.contains("/") ? "/apis/" + gv : "/api/" + gv);
            for (JsonNode r : list.path("resources")) {
                String name = r.path("name").asText();
                if (name.contains("/")) {
                    continue; // subresources (pods/log) are not listed
                }
                out.add(new Resource(name, strings(r.path("shortNames")), gv, r.path("namespaced").asBoolean(),
                        r.path("kind").asText(), strings(r.path("verbs"))));
            }
        }
        return out;
    }

    private static List<Resource> fromScheme(Session session) {
        List<Resource> out = new ArrayList<>();
        for (ResourceInfo r : session.scheme().resources()) {
            out.add(new Resource(r.plural(), r.shortNames(), r.apiVersion(), r.namespaced(), r.kind(), r.verbs()));
        }
        return out;
    }

    private static JsonNode get(Session session, String path) {
        return Answers.json(session.client().rest().send(RestClient.Request.get(path, Map.of())));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
