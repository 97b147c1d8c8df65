package io.skiff.cli.delete;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.apply.FileOptions;
import io.skiff.cli.apply.Manifest;
import io.skiff.cli.apply.ManifestReader;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.cli.command.Waits;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.ResourceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff delete}: by type and names, by {@code -f}, by {@code -l} or {@code --all}; with a
 * grace period, a cascade (propagation) policy, and optionally waiting until the objects are gone.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete resources by names, by files, or by label selector.",
        footer = {"", "Examples:", "  skiff delete pod web-abc12", "  skiff delete rc/web --cascade=orphan",
            "  skiff delete pods -l app=web --wait", "  skiff delete -f web.yaml"})
public final class DeleteCommand extends ClientCommand {
    @Parameters(arity = "0..*", paramLabel = "TYPE [NAME...] | TYPE/NAME...")
    List<String> args = new ArrayList<>();

    @Mixin
    FileOptions files;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Delete the objects matching this label selector.")
    String selector;

    @Option(names = "--all", description = "Delete every object of the type in the namespace.")
    boolean all;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "-1",
            description = "Seconds a pod gets to stop; -1 for its own (default), 0 only with --force.")
    long gracePeriod;

    @Option(names = "--now", description = "Signal pods to stop at once (grace period 1).")
    boolean now;

    @Option(names = "--force", description = "With --grace-period=0: remove pods from the API at once, without waiting for their containers to stop.")
    boolean force;

    @Option(names = "--cascade", paramLabel = "background|orphan|foreground", defaultValue = "background",
            description = "What happens to dependents (e.g. an RC's pods): background (default), orphan or foreground.")
    String cascade;

    @Option(names = "--wait", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Wait until the objects are gone.")
    boolean waitUntilGone;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", description = "How long --wait waits (default 5m).")
    String timeout;

    @Option(names = "--ignore-not-found", description = "Treat a missing object as deleted.")
    boolean ignoreNotFound;

    /** One object to delete. */
    private record Victim(ResourceInfo type, String namespace, String name) {}

    @Override
    protected int run(Session session) throws InterruptedException {
        DeleteOptions options = options();
        if (Long.valueOf(0).equals(options.gracePeriodSeconds())) {
            session.err().println("warning: Immediate deletion does not wait for confirmation that the running"
                    + " resource has been terminated. The resource may continue to run on the cluster indefinitely.");
        }
        Duration waitFor = Waits.parse("--timeout", timeout);
        List<Victim> victims = new ArrayList<>();
        collect(session, victims);
        boolean failed = false;
        List<Victim> deleted = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (Victim v : victims) {
            ResourceClient<KubeObject> client = session.resource(v.type(), v.namespace());
            try {
                String uid = client.find(v.name()).map(o -> o.metadataOrEmpty().uid()).orElse(null);
                client.delete(v.name(), options);
                session.out().println(ResourceTypes.kindName(v.type()) + " \"" + v.name() + "\" deleted");
                deleted.add(v);
                uids.add(uid);
            } catch (ApiException e) {
                if (!(ignoreNotFound && e.isNotFound())) {
                    failed = true;
                    report(session.terminal(), session.verbosity(), e);
                }
            }
        }
        session.out().flush();
        if (waitUntilGone) {
            Instant deadline = Instant.now().plus(waitFor);
            for (int i = 0; i < deleted.size(); i++) {
                Victim v = deleted.get(i);
                if (!Waits.untilGone(session.resource(v.type(), v.namespace()), v.name(), uids.get(i), deadline)) {
                    report(session.terminal(), session.verbosity(), new CommandException("timed out waiting for the"
                            + " condition on " + v.type().plural() + "/" + v.name()));
                    failed = true;
                }
            }
        }
        return failed ? 1 : 0;
    }

    /** The objects the arguments name, in order. */
    private void collect(Session session, List<Victim> victims) {
        if (files.given()) {
            if (!args.isEmpty() || selector != null || all) {
                throw new CommandException("when paths are given, resource types and names, -l and --all cannot be");
            }
            for (Manifest m : new ManifestReader(session.scheme(), session.terminal().in())
                    .read(files.filenames(), files.recursive())) {
                victims.add(new Victim(m.type(), m.namespace(session), m.requireName()));
            }
            return;
        }
        if (args.isEmpty()) {
            throw new CommandException("You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'");
        }
        List<ResourceTypes.Target> targets = session.types().parse(args);
        boolean named = targets.stream().anyMatch(t -> !t.names().isEmpty());
        if (named && (selector != null || all)) {
            throw new CommandException("name cannot be provided when a selector is specified");
        }
        if (!named && selector == null && !all) {
            throw new CommandException("resource(s) were provided, but no name was specified");
        }
        for (ResourceTypes.Target t : targets) {
            String ns = t.type().namespaced() ? session.namespace() : null;
            if (named) {
                t.names().forEach(n -> victims.add(new Victim(t.type(), ns, n)));
                continue;
            }
            List<KubeObject> matching = session.resource(t.type(), ns)
                    .listAll(ListOptions.labelSelector(selector)).items();
            matching.forEach(o -> victims.add(new Victim(t.type(), ns, o.name())));
        }
        if (victims.isEmpty()) {
            session.err().println("No resources found");
        }
    }

    private DeleteOptions options() {
        String policy = switch (cascade) {
            case "background", "true" -> DeleteOptions.PROPAGATION_BACKGROUND;
            case "orphan", "false" -> DeleteOptions.PROPAGATION_ORPHAN;
            case "foreground" -> DeleteOptions.PROPAGATION_FOREGROUND;
            default -> throw new CommandException("invalid cascade value (" + cascade
                    + "). Must be \"background\", \"foreground\", or \"orphan\".");
        };
        Long grace = gracePeriod >= 0 ? gracePeriod : null;
        if (now) {
            if (grace != null) {
                throw new CommandException("--now and --grace-period cannot be specified together");
            }
            grace = 1L;
        }
        if (grace != null && grace == 0 && !force) {
            // kubectl: a zero grace period without --force still lets the pod stop gracefully, briefly.
            grace = 1L;
        }
        return new DeleteOptions(grace, null, null, policy, null);
    }
}
