package io.skiff.cli.apply;

import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skiff create -f}: POSTs every object of the files; an existing one is an error (AlreadyExists). */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create resources from files or stdin.")
public final class CreateCommand extends ClientCommand {
    @Mixin
    FileOptions files;

    @Option(names = "--save-config",
            description = "Record the configuration in the last-applied annotation, so that apply can later update it.")
    boolean saveConfig;

    @Override
    protected int run(Session session) {
        return files.forEach(session, "creating", m -> {
            String namespace = m.namespace(session);
            KubeObject obj = saveConfig
                    ? ApplyCommand.decode(session, m, LastApplied.modified(m.tree(), namespace)) : m.object();
            KubeObject created = session.resource(m.type(), namespace).create(obj);
            return ResourceTypes.kindName(m.type()) + "/" + created.name() + " created";
        });
    }
}
