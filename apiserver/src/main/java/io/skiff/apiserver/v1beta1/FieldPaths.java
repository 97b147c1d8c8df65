package io.skiff.apiserver.v1beta1;

import io.skiff.api.core.Node;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.Service;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field paths of validation errors as a 2014 client knows them: validation runs on the hub,
 * whose {@code spec.containers[0].image} is v1beta1's
 * {@code desiredState.manifest.containers[0].image}, {@code metadata.name} its {@code id}. A
 * path with no v1beta1 counterpart is left as it is.
 */
final class FieldPaths {
    /** hub prefix -> v1beta1 prefix, per hub kind, first match wins (longest first). */
    private static final Map<String, List<String[]>> RULES = Map.of(
            Pod.KIND, List.of(
                    new String[] {"spec.nodeName", "desiredState.host"},
                    new String[] {"spec.nodeSelector", "nodeSelector"},
                    new String[] {"spec", "desiredState.manifest"},
                    new String[] {"status.phase", "currentState.status"},
                    new String[] {"status.containerStatuses", "currentState.info"},
                    new String[] {"status", "currentState"}),
            ReplicationController.KIND, List.of(
                    new String[] {"spec.replicas", "desiredState.replicas"},
                    new String[] {"spec.selector", "desiredState.replicaSelector"},
                    new String[] {"spec.template.metadata.labels", "desiredState.podTemplate.labels"},
                    new String[] {"spec.template.spec.nodeName", "desiredState.podTemplate.desiredState.host"},
                    new String[] {"spec.template.spec", "desiredState.podTemplate.desiredState.manifest"},
                    new String[] {"spec.template", "desiredState.podTemplate"},
                    new String[] {"spec", "desiredState"},
                    new String[] {"status", "currentState"}),
            Service.KIND, List.of(
                    new String[] {"spec.ports[0].port", "port"},
                    new String[] {"spec.ports[0].targetPort", "containerPort"},
                    new String[] {"spec.ports[0].protocol", "protocol"},
                    new String[] {"spec.ports", "port"},
                    new String[] {"spec.clusterIP", "portalIP"},
                    new String[] {"spec.externalIPs", "publicIPs"},
                    new String[] {"spec.type", "createExternalLoadBalancer"},
                    new String[] {"spec", ""}),
            Node.KIND, List.of(
                    new String[] {"status.capacity", "resources.capacity"},
                    new String[] {"status.addresses", "hostIP"}));
    /** Within a pod spec (a manifest): the fields v1beta1 named differently. */
    private static final List<Object[]> MANIFEST = List.of(
            new Object[] {Pattern.compile("containers\\[(\\d+)]\\.resources\\.limits\\.(memory|cpu)"), "containers[$1].$2"},
            new Object[] {Pattern.compile("containers\\[(\\d+)]\\.args"), "containers[$1].command"},
            new Object[] {Pattern.compile("volumes\\[(\\d+)]\\.hostPath"), "volumes[$1].source.hostDir"},
            new Object[] {Pattern.compile("volumes\\[(\\d+)]\\.emptyDir"), "volumes[$1].source.emptyDir"});

    private FieldPaths() {}

    /** The v1beta1 spelling of a hub field path of an object of {@code hubKind}. */
    static String toV1beta1(String hubKind, String field) {
        if (field == null || field.isEmpty()) {
            return field;
        }
        String meta = replacePrefix(field, "metadata.name", "id");
        if (meta != null) {
            return meta;
        }
        meta = replacePrefix(field, "metadata", "");
        if (meta != null) {
            return meta;
        }
        for (String[] rule : RULES.getOrDefault(hubKind, List.of())) {
            String replaced = replacePrefix(field, rule[0], rule[1]);
            if (replaced != null) {
                return rule[1].endsWith("manifest") ? manifest(replaced, rule[1]) : replaced;
            }
        }
        return field;
    }

    private static String manifest(String path, String manifestPrefix) {
        if (path.length() <= manifestPrefix.length() + 1) {
            return path;
        }
        String rest = path.substring(manifestPrefix.length() + 1);
        for (Object[] rule : MANIFEST) {
            Matcher m = ((Pattern) rule[0]).matcher(rest);
            if (m.lookingAt() && atBoundary(rest, m.end())) {
                return manifestPrefix + "." + m.replaceFirst((String) rule[1]);
            }
        }
        return path;
    }

    /** {@code path} with {@code from} (a whole prefix: followed by '.', '[' or nothing) replaced; null if it is not one. */
    private static String replacePrefix(String path, String from, String to) {
        if (!path.startsWith(from) || !atBoundary(path, from.length())) {
            return null;
        }
        String rest = path.substring(from.length());
        if (to.isEmpty()) {
            return rest.startsWith(".") ? rest.substring(1) : rest.isEmpty() ? path : rest;
        }
        return to + rest;
    }

    private static boolean atBoundary(String path, int at) {
        return at == path.length() || path.charAt(at) == '.' || path.charAt(at) == '[';
    }
}
