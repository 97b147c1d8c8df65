package io.skiff.cli.metadata;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ResourceTypes;
import io.skiff.cli.command.Session;
import io.skiff.client.ApiException;
import io.skiff.client.ListOptions;
import io.skiff.client.ResourceClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code label} and {@code annotate} share: {@code TYPE NAME... k=v k-} (or
 * {@code TYPE/NAME}, or {@code -l} / {@code --all}), a read-modify-write with compare-and-swap
 * per object (retried on conflict), an existing different value kept unless {@code --overwrite}.
 */
abstract class MetadataCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "TYPE NAME... KEY=VAL... KEY-...")
    List<String> args = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace a value already set.")
    boolean overwrite;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Change the objects matching this label selector.")
    String selector;

    @Option(names = "--all", description = "Change every object of the type in the namespace.")
    boolean all;

    /** "label" or "annotation". */
    abstract String noun();

    /** "labeled" or "annotated". */
    abstract String verb();

    abstract Map<String, String> get(ObjectMeta meta);

    abstract ObjectMeta with(ObjectMeta meta, Map<String, String> values);

    @Override
    protected int run(Session session) {
        List<String> resources = new ArrayList<>();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains("=")) {
                int eq = arg.indexOf('=');
                if (eq == 0) {
                    throw new CommandException("invalid " + noun() + " spec: " + arg);
                }
                set.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (arg.endsWith("-") && !resources.isEmpty() && (arg.length() > 1)) {
                remove.add(arg.substring(0, arg.length() - 1));
            } else {
                if (!set.isEmpty() || !remove.isEmpty()) {
                    throw new CommandException("all resources must be specified before " + noun() + " changes: " + arg);
                }
                resources.add(arg);
            }
        }
        if (set.isEmpty() && remove.isEmpty()) {
            throw new CommandException("at least one " + noun() + " update is required");
        }
        for (String key : remove) {
            if (set.containsKey(key)) {
                throw new CommandException("can not both modify and remove " + noun() + "s in the same command");
            }
        }
        List<ResourceTypes.Target> targets = session.types().parse(resources);
        boolean failed = false;
        for (ResourceTypes.Target t : targets) {
            String ns = t.type().namespaced() ? session.namespace() : null;
            ResourceClient<KubeObject> client = session.resource(t.type(), ns);
            List<String> names = new ArrayList<>(t.names());
            if (names.isEmpty()) {
                if (selector == null && !all) {
                    throw new CommandException("resource(s) were provided, but no name was specified");
                }
                client.listAll(ListOptions.labelSelector(selector)).items().forEach(o -> names.add(o.name()));
            } else if (selector != null || all) {
                throw new CommandException("name cannot be provided when a selector is specified");
            }
            for (String name : names) {
                try {
                    boolean[] changed = {false};
                    client.updateWithRetry(name, obj -> {
                        Map<String, String> current = get(obj.metadataOrEmpty());
                        Map<String, String> next = change(current == null ? Map.of() : current, set, remove);
                        changed[0] = !next.equals(current == null ? Map.of() : current);
                        return changed[0] ? obj.withMetadata(with(obj.metadataOrEmpty(), next.isEmpty() ? null : next))
                                : null;
                    });
                    session.out().println(ResourceTypes.kindName(t.type()) + "/" + name + " "
                            + (changed[0] ? verb() : "not " + verb()));
                } catch (ApiException | CommandException e) {
                    failed = true;
                    report(session.terminal(), session.verbosity(), e);
                }
            }
        }
        return failed ? 1 : 0;
    }

    private Map<String, String> change(Map<String, String> current, Map<String, String> set, List<String> remove) {
        Map<String, String> next = new TreeMap<>(current);
        set.forEach((k, v) -> {
            String old = current.get(k);
            if (old != null && !old.equals(v) && !overwrite) {
                throw new CommandException("'" + k + "' already has a value (" + old + "), and --overwrite is false");
            }
            next.put(k, v);
        });
        remove.forEach(next::remove);
        return next;
    }
}
