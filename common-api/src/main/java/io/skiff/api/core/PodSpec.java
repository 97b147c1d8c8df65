package io.skiff.api.core;

import java.util.List;
import java.util.Map;

/** What a pod should run, and where. */
public record PodSpec(
        List<Volume> volumes,
        List<Container> containers,
        String restartPolicy,
        Long terminationGracePeriodSeconds,
        Long activeDeadlineSeconds,
        String dnsPolicy,
        Map<String, String> nodeSelector,
        String serviceAccountName,
        String nodeName,
        Boolean hostNetwork,
        String hostname,
        String subdomain,
        String schedulerName,
        List<Toleration> tolerations,
        String priorityClassName,
        Integer priority,
        Boolean enableServiceLinks,
        String preemptionPolicy) {

    public static final String RESTART_ALWAYS = "Always";
    public static final String RESTART_ON_FAILURE = "OnFailure";
    public static final String RESTART_NEVER = "Never";

    public static final String DNS_CLUSTER_FIRST = "ClusterFirst";
    public static final String DNS_CLUSTER_FIRST_WITH_HOST_NET = "ClusterFirstWithHostNet";
    public static final String DNS_DEFAULT = "Default";
    public static final String DNS_NONE = "None";

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    /** A spec with just these containers, everything else absent. */
    public static PodSpec of(List<Container> containers) {
        return new PodSpec(null, containers, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public PodSpec withVolumes(List<Volume> v) {
        return new PodSpec(v, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withContainers(List<Container> v) {
        return new PodSpec(volumes, v, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withRestartPolicy(String v) {
        return new PodSpec(volumes, containers, v, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withTerminationGracePeriodSeconds(Long v) {
        return new PodSpec(volumes, containers, restartPolicy, v, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withActiveDeadlineSeconds(Long v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, v,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withDnsPolicy(String v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                v, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withNodeSelector(Map<String, String> v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, v, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withNodeName(String v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, v, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withHostNetwork(Boolean v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, v, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withSchedulerName(String v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                v, tolerations, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withTolerations(List<Toleration> v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, v, priorityClassName, priority, enableServiceLinks, preemptionPolicy);
    }

    public PodSpec withPriority(Integer v) {
        return new PodSpec(volumes, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds,
                dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname, subdomain,
                schedulerName, tolerations, priorityClassName, v, enableServiceLinks, preemptionPolicy);
    }
}
