package io.skiff.kubelet.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels the kubelet puts on every container it creates: one definition for the pod worker
 * that writes them and for housekeeping and status that read them back. They are the kubelet's
 * memory: after a restart it rebuilds which container belongs to which pod, how often it was
 * restarted and whether its spec changed from the engine alone.
 */
public final class ContainerLabels {
    private ContainerLabels() {}

    /** The node (kubelet) that owns the container, so kubelets sharing one engine leave each other's alone. */
    public static final String NODE = "io.skiff.node";
    public static final String POD_NAMESPACE = "io.skiff.pod.namespace";
    public static final String POD_NAME = "io.skiff.pod.name";
    public static final String POD_UID = "io.skiff.pod.uid";
    /** The container's name in the pod spec ({@link #INFRA_CONTAINER_NAME} for the infra container). */
    public static final String CONTAINER_NAME = "io.skiff.container.name";
    /** Hash of the container's spec: a change means the running container is replaced. */
    public static final String CONTAINER_HASH = "io.skiff.container.hash";
    /** How many times this container of the pod was started before this one (0 for the first). */
    public static final String RESTART_COUNT = "io.skiff.container.restartCount";
    /** {@code "true"} on the infra container that holds the pod's network namespace. */
    public static final String INFRA = "io.skiff.container.infra";

    /** The spec-level name of the infra container, as Kubernetes calls it. */
    public static final String INFRA_CONTAINER_NAME = "POD";

    /** The labels that identify a pod's containers: the filter for listing them. */
    public static Map<String, String> pod(String node, String namespace, String name, String uid) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NODE, node);
        labels.put(POD_NAMESPACE, namespace);
        labels.put(POD_NAME, name);
        labels.put(POD_UID, uid);
        return labels;
    }

    /** The full label set of one container of a pod. */
    public static Map<String, String> container(Map<String, String> podLabels, String containerName,
                                                String specHash, int restartCount) {
        Map<String, String> labels = new LinkedHashMap<>(podLabels);
        labels.put(CONTAINER_NAME, containerName);
        labels.put(CONTAINER_HASH, specHash);
        labels.put(RESTART_COUNT, Integer.toString(restartCount));
        if (INFRA_CONTAINER_NAME.equals(containerName)) {
            labels.put(INFRA, "true");
        }
        return labels;
    }

    public static boolean isInfra(RuntimeContainer container) {
        return "true".equals(container.label(INFRA));
    }

    /** The restart count label of a container; 0 when absent or unreadable (a container not ours). */
    public static int restartCount(RuntimeContainer container) {
        String value = container.label(RESTART_COUNT);
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
