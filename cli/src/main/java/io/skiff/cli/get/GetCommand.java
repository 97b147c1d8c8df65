package io.skiff.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.cli.output.ObjectPrinter;
import io.skiff.cli.output.OutputFormat;
import io.skiff.api.printing.Table;
import io.skiff.cli.output.TablePrinter;
import io.skiff.client.ListOptions;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff get}: objects as kubectl prints them, optionally followed by a watch. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Display one or many resources.",
            "TYPE is pods (po), replicationcontrollers (rc), services (svc), endpoints (ep), nodes (no),",
            "namespaces (ns), events (ev), leases, or all; several as pods,svc; or TYPE/NAME."},
        footer = {"", "Examples:", "  skiff get pods -o wide", "  skiff get rc/web -o yaml",
            "  skiff get pods -l app=web -w", "  skiff get pods -o jsonpath='{.items[*].metadata.name}'"})
public final class GetCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "TYPE[/NAME]|TYPE NAME...", description = "What to get.")
    List<String> args;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC.")
    String output;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web,tier!=db.")
    String selector;

    @Option(names = "--field-selector", paramLabel = "SELECTOR", description = "Field selector, e.g. status.phase=Running.")
    String fieldSelector;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-w", "--watch"}, description = "After listing, watch for changes: a line per change.")
    boolean watch;

    @Option(names = "--show-labels", description = "Add a LABELS column.")
    boolean showLabels;

    @Option(names = "--no-headers", description = "Print tables without their header line.")
    boolean noHeaders;

    @Override
    protected int run(Session session) throws Exception {
        OutputFormat format = OutputFormat.parse(output);
        List<ResourceTypes.Target> targets = session.types().parse(args);
        boolean named = targets.stream().anyMatch(t -> !t.names().isEmpty());
        if (named && (selector != null || fieldSelector != null)) {
            throw new CommandException("name cannot be provided when a selector is specified");
        }
        if (named && allNamespaces) {
            throw new CommandException("a resource cannot be retrieved by name across all namespaces");
        }
        if (watch && targets.size() > 1) {
            throw new CommandException("you may only specify a single resource type");
        }
        String namespace = allNamespaces ? null : session.namespace();
        Listing listing = new Listing(session, namespace,
                ListOptions.NONE.withLabelSelector(selector).withFieldSelector(fieldSelector), watch);
        Watcher watcher = new Watcher(session, listing.tables());
        ResourceTypes.Target first = targets.getFirst();
        Duration timeout = clientOptions.flags().requestTimeout();
        Printed printed;
        if (format.isTable()) {
            printed = printTables(session, listing, targets, format);
            if (watch) {
                // One type only: its printer keeps the header and the columns' widths for the watch.
                return watcher.tables(first.type(), namespace,
                        listing.listOptions(first).withResourceVersion(printed.resourceVersion()), timeout,
                        printed.printer());
            }
        } else {
            ObjectPrinter printer = new ObjectPrinter(format, noHeaders);
            printed = printObjects(session, listing, targets, format, printer);
            if (watch) {
                return watcher.objects(first.type(), namespace,
                        listing.listOptions(first).withResourceVersion(printed.resourceVersion()), timeout, printer);
            }
        }
        if (!printed.found() && !named && format.isHumanReadable()) {
            session.err().println(allNamespaces || !first.type().namespaced() ? "No resources found"
                    : "No resources found in " + namespace + " namespace.");
        }
        return printed.failed() ? 1 : 0;
    }

    /** What the listing printed: anything, any failure, the revision a watch starts from, the table printer used. */
    private record Printed(boolean found, boolean failed, String resourceVersion, TablePrinter printer) {}

    /** A table per type, separated by blank lines; names prefixed by their kind when several types are asked. */
    private Printed printTables(Session session, Listing listing, List<ResourceTypes.Target> targets,
            OutputFormat format) {
        boolean found = false;
        boolean failed = false;
        String rv = null;
        TablePrinter printer = null;
        for (ResourceTypes.Target target : targets) {
            Listing.Result<Table> result = listing.table(target);
            failed |= result.failed();
            rv = result.resourceVersion();
            printer = new TablePrinter(new TablePrinter.Options(format.kind() == OutputFormat.Kind.WIDE,
                    noHeaders, showLabels, allNamespaces && target.type().namespaced(),
                    targets.size() > 1 ? ResourceTypes.kindName(target.type()) : null));
            if (result.value().rows().isEmpty()) {
                continue;
            }
            if (found) {
                session.out().println();
            }
            found = true;
            session.out().print(printer.print(result.value()));
        }
        session.out().flush();
        return new Printed(found, failed, rv, printer);
    }

    /** The objects through an object printer: one object alone, several as a List; one by one before a watch. */
    private Printed printObjects(Session session, Listing listing, List<ResourceTypes.Target> targets,
            OutputFormat format, ObjectPrinter printer) {
        Listing.Result<List<JsonNode>> result = listing.objects(targets);
        boolean found = !result.value().isEmpty();
        if (watch) {
            result.value().forEach(o -> session.out().print(printer.printWatched(o)));
        } else if (found || !format.isHumanReadable()) {
            boolean single = targets.size() == 1 && targets.getFirst().names().size() == 1;
            session.out().print(printer.print(result.value(), single));
        }
        session.out().flush();
        return new Printed(found, result.failed(), result.resourceVersion(), null);
    }
}
