package io.skiff.cli.node;

import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.Session;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skiff uncordon NODE...}: pods may be scheduled there again. */
@Command(name = "uncordon", mixinStandardHelpOptions = true, description = "Mark nodes as schedulable.")
public final class UncordonCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "NODE")
    List<String> nodes;

    @Override
    protected int run(Session session) {
        return CordonCommand.each(session, nodes, false);
    }
}
