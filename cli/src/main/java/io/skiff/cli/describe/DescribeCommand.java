package io.skiff.cli.describe;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Endpoints;
import io.skiff.api.core.Event;
import io.skiff.api.core.Namespace;
import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.cli.output.TablePrinter;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.ResourceClient;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff describe TYPE NAME}: the object in readable sections, then the events about it.
 * As kubectl, a name that matches nothing exactly describes every object it is a prefix of, and
 * a bare type describes them all (or those matching {@code -l}).
 */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show details of resources and their events.",
        footer = {"", "Examples:", "  skiff describe pod web-abc12", "  skiff describe rc/web", "  skiff describe nodes"})
public final class DescribeCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "TYPE [NAME_PREFIX...] | TYPE/NAME")
    List<String> args;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Describe the objects matching this label selector.")
    String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "Across all namespaces.")
    boolean allNamespaces;

    @Option(names = "--show-events", arity = "1", defaultValue = "true", description = "Show the events (default true).")
    boolean showEvents;

    @Override
    protected int run(Session session) {
        boolean failed = false;
        boolean first = true;
        String namespace = allNamespaces ? null : session.namespace();
        for (ResourceTypes.Target target : session.types().parse(args)) {
            ResourceClient<KubeObject> client = session.resource(target.type(), namespace);
            List<KubeObject> objects = new ArrayList<>();
            if (target.names().isEmpty()) {
                objects.addAll(client.listAll(ListOptions.labelSelector(selector)).items());
            } else {
                if (allNamespaces) {
                    throw new CommandException("a resource cannot be retrieved by name across all namespaces");
                }
                for (String name : target.names()) {
                    try {
                        objects.addAll(byNameOrPrefix(client, name));
                    } catch (ApiException e) {
                        failed = true;
                        report(session.terminal(), session.verbosity(), e);
                    }
                }
            }
            for (KubeObject obj : objects) {
                if (!first) {
                    session.out().println();
                    session.out().println();
                }
                first = false;
                session.out().print(describe(session, target.type(), obj));
            }
            if (objects.isEmpty() && target.names().isEmpty()) {
                session.err().println(namespace == null || !target.type().namespaced() ? "No resources found"
                        : "No resources found in " + namespace + " namespace.");
            }
        }
        session.out().flush();
        return failed ? 1 : 0;
    }

    /** The object, or when there is none of that name, every object whose name starts with it. */
    private static List<KubeObject> byNameOrPrefix(ResourceClient<KubeObject> client, String name) {
        try {
            return List.of(client.get(name));
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            List<KubeObject> matching = client.listAll(ListOptions.NONE).items().stream()
                    .filter(o -> o.name().startsWith(name)).toList();
            if (matching.isEmpty()) {
                throw e;
            }
            return matching;
        }
    }

    String describe(Session session, ResourceInfo type, KubeObject obj) {
        DescribeWriter w = new DescribeWriter(session.terminal().clock().getZone() == null ? ZoneId.systemDefault()
                : session.terminal().clock().getZone());
        switch (obj) {
            case Pod pod -> PodDescriber.describe(w, pod);
            case ReplicationController rc -> OtherDescribers.replicationController(w, rc, podsOf(session, rc));
            case Service svc -> OtherDescribers.service(w, svc,
                    session.client().endpoints(svc.namespace()).find(svc.name()));
            case Endpoints ep -> OtherDescribers.endpoints(w, ep);
            case Node node -> OtherDescribers.node(w, node, session.client().pods(null)
                    .listAll(ListOptions.fieldSelector("spec.nodeName=" + node.name())).items(), session.now());
            case Namespace ns -> OtherDescribers.namespace(w, ns);
            default -> OtherDescribers.generic(w, obj, type.namespaced());
        }
        if (showEvents && !(obj instanceof Event)) {
            Events.write(w, Events.of(session, obj, type.kind()), session.now());
        }
        return w.text();
    }

    private static List<Pod> podsOf(Session session, ReplicationController rc) {
        if (rc.spec() == null || rc.spec().selector() == null || rc.spec().selector().isEmpty()) {
            return List.of();
        }
        return session.client().pods(rc.namespace())
                .listAll(ListOptions.labelSelector(TablePrinter.formatLabels(rc.spec().selector()))).items();
    }
}
