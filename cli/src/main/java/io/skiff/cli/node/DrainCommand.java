package io.skiff.cli.node;

import io.skiff.api.core.Pod;
import io.skiff.api.core.Volume;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.OwnerReference;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import io.skiff.cli.command.Waits;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff drain NODE}: cordons the node, then deletes its pods (their controllers make new
 * ones elsewhere) and waits until they are gone. As kubectl, it refuses — before deleting
 * anything — pods no controller would replace (unless {@code --force}), DaemonSet pods (unless
 * {@code --ignore-daemonsets}, which skips them) and pods with emptyDir data (unless
 * {@code --delete-emptydir-data}); mirror pods of static manifests are left alone.
 */
@Command(name = "drain", mixinStandardHelpOptions = true, description = "Drain a node in preparation for maintenance.",
        footer = {"", "Examples:", "  skiff drain node-1 --ignore-daemonsets", "  skiff drain node-1 --force --grace-period=10"})
public final class DrainCommand extends ClientCommand {
    private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    private static final List<String> CONTROLLERS =
            List.of("ReplicationController", "ReplicaSet", "Job", "DaemonSet", "StatefulSet");

    @Parameters(index = "0", paramLabel = "NODE")
    String node;

    @Option(names = "--force", description = "Also delete pods that no controller manages (they are gone for good).")
    boolean force;

    @Option(names = "--ignore-daemonsets", description = "Skip DaemonSet-managed pods.")
    boolean ignoreDaemonSets;

    @Option(names = {"--delete-emptydir-data", "--delete-local-data"}, description = "Delete pods with emptyDir volumes (their data is lost).")
    boolean deleteEmptyDirData;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "-1",
            description = "Seconds each pod gets to stop; -1 for its own.")
    long gracePeriod;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", description = "How long to wait for the pods to go (default 5m).")
    String timeout;

    @Override
    protected int run(Session session) throws InterruptedException {
        String name = node.startsWith("node/") ? node.substring(5) : node;
        Instant deadline = Instant.now().plus(Waits.parse("--timeout", timeout));
        Cordon.set(session, name, true);
        List<Pod> pods = session.client().pods(null)
                .listAll(ListOptions.fieldSelector("spec.nodeName=" + name)).items();
        List<Pod> victims = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        List<String> daemonSets = new ArrayList<>();
        List<String> localData = new ArrayList<>();
        for (Pod p : pods) {
            Map<String, String> annotations = p.metadataOrEmpty().annotations();
            if (annotations != null && annotations.containsKey(MIRROR_ANNOTATION)) {
                continue;
            }
            String id = p.namespace() + "/" + p.name();
            OwnerReference controller = controllerOf(p);
            if (controller != null && "DaemonSet".equals(controller.kind())) {
                daemonSets.add(id);
                continue;
            }
            if (controller == null || !CONTROLLERS.contains(controller.kind())) {
                unmanaged.add(id);
            }
            if (hasEmptyDir(p)) {
                localData.add(id);
            }
            victims.add(p);
        }
        List<String> errors = new ArrayList<>();
        if (!unmanaged.isEmpty() && !force) {
            errors.add("cannot delete Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or"
                    + " StatefulSet (use --force to override): " + String.join(", ", unmanaged));
        }
        if (!daemonSets.isEmpty() && !ignoreDaemonSets) {
            errors.add("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): "
                    + String.join(", ", daemonSets));
        }
        if (!localData.isEmpty() && !deleteEmptyDirData) {
            errors.add("cannot delete Pods with local storage (use --delete-emptydir-data to override): "
                    + String.join(", ", localData));
        }
        if (!errors.isEmpty()) {
            throw new CommandException("unable to drain node \"" + name + "\", aborting command...\n\n"
                    + "There are pending nodes to be drained:\n " + name + "\nerror: " + String.join("\nerror: ", errors));
        }
        List<String> warnings = new ArrayList<>();
        if (!unmanaged.isEmpty()) {
            warnings.add("deleting Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or"
                    + " StatefulSet: " + String.join(", ", unmanaged));
        }
        if (!daemonSets.isEmpty()) {
            warnings.add("ignoring DaemonSet-managed Pods: " + String.join(", ", daemonSets));
        }
        if (!warnings.isEmpty()) {
            session.err().println("WARNING: " + String.join("; ", warnings));
        }
        return deleteAndWait(session, name, victims, deadline);
    }

    private int deleteAndWait(Session session, String name, List<Pod> victims, Instant deadline)
            throws InterruptedException {
        DeleteOptions options = new DeleteOptions(gracePeriod >= 0 ? gracePeriod : null, null, null, null, null);
        boolean failed = false;
        List<Pod> deleted = new ArrayList<>();
        for (Pod p : victims) {
            session.out().println("evicting pod " + p.namespace() + "/" + p.name());
            try {
                session.client().pods(p.namespace()).delete(p.name(), options);
                deleted.add(p);
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    failed = true;
                    report(session.terminal(), session.verbosity(), e);
                }
            }
        }
        for (Pod p : deleted) {
            if (Waits.untilGone(session.client().pods(p.namespace()), p.name(), p.metadataOrEmpty().uid(), deadline)) {
                session.out().println("pod/" + p.name() + " evicted");
            } else {
                failed = true;
                report(session.terminal(), session.verbosity(), new CommandException("drain did not complete within "
                        + timeout + ": pod " + p.namespace() + "/" + p.name() + " is still there"));
            }
        }
        if (!failed) {
            session.out().println("node/" + name + " drained");
        }
        return failed ? 1 : 0;
    }

    private static OwnerReference controllerOf(Pod p) {
        List<OwnerReference> refs = p.metadataOrEmpty().ownerReferences();
        if (refs == null) {
            return null;
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.controller())).findFirst().orElse(null);
    }

    private static boolean hasEmptyDir(Pod p) {
        List<Volume> volumes = p.spec() == null ? null : p.spec().volumes();
        return volumes != null && volumes.stream().anyMatch(v -> v.emptyDir() != null);
    }
}
