package io.skiff.cli.command;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resource type arguments as kubectl reads them: {@code pods}, {@code po}, {@code pod},
 * {@code pods,svc}, {@code all}, followed by names; or {@code pod/web rc/web} in type/name form.
 */
public final class ResourceTypes {
    /** What {@code all} means here: the kinds a user runs (kubectl's order: pods, controllers, services). */
    static final List<String> ALL = List.of(Pod.KIND, ReplicationController.KIND, Service.KIND);

    /** One resource type and the names asked for (none: every object of the type). */
    public record Target(ResourceInfo type, List<String> names) {}

    private final Scheme scheme;

    public ResourceTypes(Scheme scheme) {
        this.scheme = scheme;
    }

    /** The resource a name means; unknown names fail as kubectl words it. */
    public ResourceInfo resolve(String name) {
        String n = name.strip();
        // "pods.v1", "leases.coordination.k8s.io": the part before the first dot names it.
        int dot = n.indexOf('.');
        String base = dot > 0 ? n.substring(0, dot) : n;
        String suffix = dot > 0 ? n.substring(dot + 1) : null;
        return scheme.resource(base)
                .filter(r -> suffix == null
                        || List.of(r.group(), r.version(), r.version() + "." + r.group()).contains(suffix))
                .orElseThrow(() -> new CommandException("the server doesn't have a resource type \"" + n + "\""));
    }

    /** {@code pod}, {@code replicationcontroller}, {@code lease.coordination.k8s.io}: for {@code -o name} and {@code get all}. */
    public static String kindName(ResourceInfo type) {
        String kind = type.kind().toLowerCase(Locale.ROOT);
        return type.group().isEmpty() ? kind : kind + "." + type.group();
    }

    /**
     * Parses {@code TYPE[,TYPE...] [NAME...]} or {@code TYPE/NAME...}; names of the same type are
     * grouped in the order first seen.
     */
    public List<Target> parse(List<String> args) {
        if (args.isEmpty()) {
            throw new CommandException("you must specify the type of resource to get. Use \"skiff api-resources\""
                    + " for a complete list of supported resources");
        }
        if (args.getFirst().contains("/")) {
            Map<ResourceInfo, List<String>> byType = new LinkedHashMap<>();
            for (String arg : args) {
                int slash = arg.indexOf('/');
                if (slash <= 0 || slash == arg.length() - 1) {
                    throw new CommandException("there is no need to specify a resource type as a separate argument"
                            + " when passing arguments in resource/name form (e.g. 'skiff get resource/<resource_name>'"
                            + " instead of 'skiff get resource resource/<resource_name>')");
                }
                byType.computeIfAbsent(resolve(arg.substring(0, slash)), k -> new ArrayList<>())
                        .add(arg.substring(slash + 1));
            }
            List<Target> out = new ArrayList<>();
            byType.forEach((type, names) -> out.add(new Target(type, List.copyOf(names))));
            return out;
        }
        List<String> names = args.subList(1, args.size());
        for (String name : names) {
            if (name.contains("/")) {
                throw new CommandException("there is no need to specify a resource type as a separate argument when"
                        + " passing arguments in resource/name form (e.g. 'skiff get resource/<resource_name>'"
                        + " instead of 'skiff get resource resource/<resource_name>')");
            }
        }
        List<Target> out = new ArrayList<>();
        for (String type : args.getFirst().split(",")) {
            if (type.isBlank()) {
                continue;
            }
            if (type.strip().equalsIgnoreCase("all")) {
                for (String kind : ALL) {
                    out.add(new Target(scheme.resourceForKind(kind).orElseThrow(), List.copyOf(names)));
                }
            } else {
                out.add(new Target(resolve(type), List.copyOf(names)));
            }
        }
        return out;
    }
}
