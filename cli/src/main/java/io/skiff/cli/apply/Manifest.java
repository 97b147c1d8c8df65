package io.skiff.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;

/**
 * One object of a manifest file: where it came from, its resource, the JSON as written (in the
 * resource's own version) and the decoded object.
 */
public record Manifest(String source, ResourceInfo type, JsonNode tree, KubeObject object) {

    public String name() {
        return object.name();
    }

    /** {@code pod/web}, as kubectl names objects in its messages. */
    public String displayName() {
        return ResourceTypes.kindName(type) + "/" + name();
    }

    /**
     * The namespace the object goes to: its own, else {@code -n} or the default; a namespace in
     * the file that contradicts an explicit {@code -n} is refused, as kubectl does.
     */
    public String namespace(Session session) {
        if (!type.namespaced()) {
            return null;
        }
        String own = object.namespace();
        if (own == null || own.isEmpty()) {
            return session.namespace();
        }
        if (session.namespaceGiven() && !own.equals(session.namespace())) {
            throw new CommandException("the namespace from the provided object \"" + own + "\" does not match the"
                    + " namespace \"" + session.namespace() + "\". You must pass '--namespace=" + own
                    + "' to perform this operation.");
        }
        return own;
    }

    /** The name, which apply and replace need (create may use generateName). */
    public String requireName() {
        if (name() == null || name().isEmpty()) {
            throw new CommandException("error when retrieving current configuration of " + type.kind() + " from \""
                    + source + "\": resource name may not be empty");
        }
        return name();
    }
}
