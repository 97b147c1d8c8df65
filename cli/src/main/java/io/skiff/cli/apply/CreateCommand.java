package io.skiff.cli.apply;

import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ErrorMessages;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import java.util.List;
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
        if (!files.given()) {
            throw new CommandException("must specify one of -f and -k");
        }
        List<Manifest> manifests = new ManifestReader(session.scheme(), session.terminal().in())
                .read(files.filenames(), files.recursive());
        boolean failed = false;
        for (Manifest m : manifests) {
            try {
                String namespace = m.namespace(session);
                KubeObject obj = saveConfig
                        ? ApplyCommand.decode(session, m, LastApplied.modified(m.tree(), namespace)) : m.object();
                KubeObject created = session.resource(m.type(), namespace).create(obj);
                session.out().println(ResourceTypes.kindName(m.type()) + "/" + created.name() + " created");
            } catch (RuntimeException e) {
                failed = true;
                report(session.terminal(), session.verbosity(), ErrorMessages.withSource(e, "creating", m.source()));
            }
        }
        return failed ? 1 : 0;
    }
}
