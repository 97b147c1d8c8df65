package io.skiff.controller.testing;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.Node;
import io.skiff.api.core.NodeSpec;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.NodeStatus.NodeCondition;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodCondition;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodStatus;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import io.skiff.api.resource.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders of API objects for tests: only the fields a test is about. */
public final class TestObjects {
    public static final String IMAGE = "busybox:latest";

    private TestObjects() {}

    public static Pod pod(String namespace, String name) {
        return new Pod(ObjectMeta.of(namespace, name).withUid("uid-" + name)
                .withCreationTimestamp(Instant.parse("2024-01-01T00:00:00Z")),
                PodSpec.of(List.of(Container.of("c", IMAGE))), null);
    }

    public static Pod pod(String name) {
        return pod("default", name);
    }

    public static Pod withRequests(Pod pod, String cpu, String memory) {
        Map<String, Quantity> req = new HashMap<>();
        if (cpu != null) {
            req.put(ResourceRequirements.CPU, Quantity.parse(cpu));
        }
        if (memory != null) {
            req.put(ResourceRequirements.MEMORY, Quantity.parse(memory));
        }
        Container c = pod.spec().containers().get(0).withResources(new ResourceRequirements(null, req));
        return pod.withSpec(pod.spec().withContainers(List.of(c)));
    }

    public static Pod withHostPort(Pod pod, int hostPort, String protocol, String hostIP) {
        ContainerPort p = new ContainerPort(null, hostPort, 8080, protocol, hostIP);
        Container c = pod.spec().containers().get(0);
        List<ContainerPort> ports = new ArrayList<>(c.ports() == null ? List.of() : c.ports());
        ports.add(p);
        return pod.withSpec(pod.spec().withContainers(List.of(c.withPorts(ports))));
    }

    public static Pod withLabels(Pod pod, Map<String, String> labels) {
        return pod.withMetadata(pod.metadata().withLabels(labels));
    }

    public static Pod onNode(Pod pod, String node) {
        return pod.withSpec(pod.spec().withNodeName(node));
    }

    public static Pod ownedBy(Pod pod, ReplicationController rc) {
        return pod.withMetadata(pod.metadata().withOwnerReferences(List.of(controllerRef(rc))));
    }

    public static OwnerReference controllerRef(ReplicationController rc) {
        return new OwnerReference("v1", "ReplicationController", rc.metadata().name(), rc.metadata().uid(), true, true);
    }

    public static Pod withPhase(Pod pod, String phase, boolean ready) {
        PodCondition readyCond = new PodCondition(PodCondition.TYPE_READY, ready ? PodCondition.TRUE : PodCondition.FALSE,
                null, Instant.parse("2024-01-01T00:00:00Z"), null, null);
        return pod.withStatus(PodStatus.ofPhase(phase).withConditions(List.of(readyCond)));
    }

    public static Pod readySince(Pod pod, Instant since) {
        PodCondition readyCond = new PodCondition(PodCondition.TYPE_READY, PodCondition.TRUE, null, since, null, null);
        return pod.withStatus(PodStatus.ofPhase(PodStatus.PHASE_RUNNING).withConditions(List.of(readyCond)));
    }

    public static Pod created(Pod pod, Instant at) {
        return pod.withMetadata(pod.metadata().withCreationTimestamp(at));
    }

    public static Pod terminating(Pod pod) {
        return pod.withMetadata(pod.metadata().withDeletionTimestamp(Instant.parse("2024-01-01T00:00:00Z")));
    }

    /** A Ready, schedulable node with this cpu / memory / pod capacity. */
    public static Node node(String name, String cpu, String memory, int pods) {
        Map<String, Quantity> alloc = Map.of(ResourceRequirements.CPU, Quantity.parse(cpu),
                ResourceRequirements.MEMORY, Quantity.parse(memory), ResourceRequirements.PODS, Quantity.of(pods));
        NodeCondition ready = new NodeCondition(NodeCondition.TYPE_READY, PodCondition.TRUE, Instant.now(),
                Instant.now(), "KubeletReady", "kubelet is posting ready status");
        return new Node(ObjectMeta.named(name).withUid("uid-" + name),
                new NodeSpec(null, null, null, null, null),
                new NodeStatus(alloc, alloc, List.of(ready), null, null, null, null));
    }

    public static Node node(String name) {
        return node(name, "4", "8Gi", 110);
    }

    public static Node withNodeLabels(Node node, Map<String, String> labels) {
        return node.withMetadata(node.metadata().withLabels(labels));
    }

    public static Node unschedulable(Node node) {
        return node.withSpec(node.spec().withUnschedulable(true));
    }

    public static Node notReady(Node node, String status) {
        NodeCondition c = new NodeCondition(NodeCondition.TYPE_READY, status, Instant.now(), Instant.now(),
                "NodeStatusUnknown", "Kubelet stopped posting node status.");
        return node.withStatus(node.status().withConditions(List.of(c)));
    }

    public static ReplicationController rc(String namespace, String name, int replicas, Map<String, String> selector) {
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(selector),
                PodSpec.of(List.of(Container.of("c", IMAGE))));
        return new ReplicationController(ObjectMeta.of(namespace, name).withUid("uid-rc-" + name).withGeneration(1L),
                new ReplicationControllerSpec(replicas, null, selector, template), null);
    }
}
