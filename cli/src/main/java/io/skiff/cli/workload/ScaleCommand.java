package io.skiff.cli.workload;

import io.skiff.api.core.ReplicationController;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.cli.command.Waits;
import io.skiff.client.ReplicationControllerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff scale rc/web --replicas=N}: sets the replicas through the {@code scale}
 * subresource; with {@code --wait} follows the controller's status until N pods are ready,
 * showing {@code 3/10 ready} (updated in place on a terminal, a line per change otherwise).
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Set a new size for a replication controller.",
        footer = {"", "Examples:", "  skiff scale rc/web --replicas=5 --wait", "  skiff scale rc web --replicas=0"})
public final class ScaleCommand extends ClientCommand {
    @Parameters(arity = "1..2", paramLabel = "rc/NAME | rc NAME")
    List<String> args = new ArrayList<>();

    @Option(names = "--replicas", required = true, paramLabel = "N", description = "The new number of replicas.")
    int replicas;

    @Option(names = "--current-replicas", paramLabel = "N", defaultValue = "-1",
            description = "Scale only if the current size is this (a precondition).")
    int currentReplicas;

    @Option(names = "--wait", description = "Wait until the replicas are ready, showing progress.")
    boolean waitReady;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", description = "How long --wait waits (default 5m).")
    String timeout;

    @Override
    protected int run(Session session) throws InterruptedException {
        if (replicas < 0) {
            throw new CommandException("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        }
        List<ResourceTypes.Target> targets = session.types().parse(args);
        ResourceTypes.Target target = targets.getFirst();
        if (targets.size() != 1 || target.names().size() != 1) {
            throw new CommandException("scale takes exactly one object: rc/NAME or rc NAME");
        }
        if (!ReplicationController.KIND.equals(target.type().kind())) {
            throw new CommandException("cannot scale " + target.type().plural() + ": only replicationcontrollers have a scale subresource here");
        }
        Duration waitFor = Waits.parse("--timeout", timeout);
        String name = target.names().getFirst();
        ReplicationControllerClient rcs = session.client().replicationControllers(session.namespace());
        if (currentReplicas >= 0) {
            var scale = rcs.getScale(name);
            int current = scale.spec() == null || scale.spec().replicas() == null ? 0 : scale.spec().replicas();
            if (current != currentReplicas) {
                throw new CommandException("Expected replicas to be " + currentReplicas + ", was " + current);
            }
            rcs.updateScale(name, scale.withSpec(new io.skiff.api.autoscaling.Scale.Spec(replicas)));
        } else {
            rcs.scale(name, replicas);
        }
        String display = ResourceTypes.kindName(target.type()) + "/" + name;
        session.out().println(display + " scaled");
        session.out().flush();
        if (!waitReady) {
            return 0;
        }
        return new ReadyWait(session, rcs, name, display).await(replicas, waitFor) ? 0 : 1;
    }
}
