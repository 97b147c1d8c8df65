package io.skiff.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ErrorMessages;
import io.skiff.cli.command.Session;
import io.skiff.client.PatchType;
import io.skiff.client.ResourceClient;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code skiff apply -f}: creates what does not exist and patches what does with kubectl's
 * three-way strategic merge against the last applied configuration, printing
 * {@code pod/web created|configured|unchanged} per object. Objects that fail are reported and
 * the others still applied; the exit code is 1 if any failed.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a configuration to resources from files or stdin: create or update them.",
        footer = {"", "Examples:", "  skiff apply -f web.yaml", "  skiff apply -f manifests/", "  cat web.yaml | skiff apply -f -"})
public final class ApplyCommand extends ClientCommand {
    @Mixin
    FileOptions files;

    @Override
    protected int run(Session session) {
        return files.forEach(session, m -> m.displayName() + " " + apply(session, m));
    }

    private static String apply(Session session, Manifest m) {
        String namespace = m.namespace(session);
        String name = m.requireName();
        ResourceClient<KubeObject> client = session.resource(m.type(), namespace);
        ObjectNode modified = LastApplied.modified(m.tree(), namespace);
        Optional<KubeObject> current = client.find(name);
        if (current.isEmpty()) {
            try {
                client.create(decode(session, m, modified));
            } catch (RuntimeException e) {
                throw ErrorMessages.withSource(e, "creating", m.source());
            }
            return "created";
        }
        JsonNode original = LastApplied.original(current.get());
        if (original == null) {
            session.err().println("Warning: resource " + m.type().plural() + "/" + name + " is missing the "
                    + LastApplied.ANNOTATION + " annotation which is required by skiff apply. skiff apply should"
                    + " only be used on resources created declaratively by either skiff create --save-config or"
                    + " skiff apply. The missing annotation will be patched automatically.");
        }
        ObjectNode patch = ThreeWayMerge.patch(m.type().kind(), original, modified, Json.toTree(current.get()));
        if (patch.isEmpty()) {
            return "unchanged";
        }
        try {
            client.patch(name, PatchType.STRATEGIC, Json.toString(patch));
        } catch (RuntimeException e) {
            throw ErrorMessages.withSource(e, "patching", m.source());
        }
        return "configured";
    }

    static KubeObject decode(Session session, Manifest m, JsonNode tree) {
        try {
            return (KubeObject) session.scheme().decode(tree);
        } catch (DecodeException e) {
            throw new CommandException("error validating \"" + m.source() + "\": " + e.getMessage(), e);
        }
    }
}
