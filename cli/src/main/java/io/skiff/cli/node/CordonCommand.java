package io.skiff.cli.node;

import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.Session;
import io.skiff.client.ApiException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skiff cordon NODE...}: no new pods are scheduled there; running ones stay. */
@Command(name = "cordon", mixinStandardHelpOptions = true, description = "Mark nodes as unschedulable.")
public final class CordonCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "NODE")
    List<String> nodes;

    @Override
    protected int run(Session session) {
        return each(session, nodes, true);
    }

    static int each(Session session, List<String> nodes, boolean unschedulable) {
        boolean failed = false;
        for (String n : nodes) {
            try {
                Cordon.set(session, n.startsWith("node/") ? n.substring(5) : n, unschedulable);
            } catch (ApiException e) {
                failed = true;
                report(session.terminal(), session.verbosity(), e);
            }
        }
        return failed ? 1 : 0;
    }
}
