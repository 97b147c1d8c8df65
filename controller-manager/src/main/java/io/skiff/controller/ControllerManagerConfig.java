package io.skiff.controller;

import io.skiff.client.ClientConfig;
import io.skiff.controller.leaderelection.LeaderElectionConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the controller-manager is told (the {@code skiff controller-manager} flags), with
 * Kubernetes' defaults. Immutable; {@code with...} returns a changed copy.
 *
 * @param port health and metrics port ({@code /healthz}, {@code /metrics}); 0 for an ephemeral one, -1 for none
 * @param controllers which controllers run (see {@link #ALL_CONTROLLERS})
 * @param leaderElection null to act without electing a leader
 */
public record ControllerManagerConfig(
        ClientConfig client,
        Set<String> controllers,
        int concurrentRcSyncs,
        int concurrentEndpointSyncs,
        int concurrentGcSyncs,
        int burstReplicas,
        Duration nodeMonitorPeriod,
        Duration nodeMonitorGracePeriod,
        Duration podEvictionTimeout,
        Duration unschedulableRetry,
        Duration resyncPeriod,
        LeaderElectionConfig leaderElection,
        String bindAddress,
        int port) {

    public static final Set<String> ALL_CONTROLLERS =
            Set.of("replication", "scheduler", "node-lifecycle", "endpoints", "garbage-collector");

    public ControllerManagerConfig {
        controllers = Set.copyOf(controllers);
        for (String c : controllers) {
            if (!ALL_CONTROLLERS.contains(c)) {
                throw new IllegalArgumentException("unknown controller \"" + c + "\"; known: " + ALL_CONTROLLERS);
            }
        }
        positive("--concurrent-rc-syncs", concurrentRcSyncs);
        positive("--concurrent-endpoint-syncs", concurrentEndpointSyncs);
        positive("--concurrent-gc-syncs", concurrentGcSyncs);
        positive("burst replicas", burstReplicas);
    }

    /** Kubernetes' defaults, leader election on, against {@code client}. */
    public static ControllerManagerConfig defaults(ClientConfig client) {
        return new ControllerManagerConfig(client, ALL_CONTROLLERS, 5, 5, 20, 500, Duration.ofSeconds(5),
                Duration.ofSeconds(40), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(5),
                LeaderElectionConfig.defaults(defaultIdentity()), "127.0.0.1", 10252);
    }

    /** {@code hostname_<uuid>}: unique even for two managers in one JVM. */
    public static String defaultIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "_" + UUID.randomUUID();
    }

    public boolean runs(String controller) {
        return controllers.contains(controller);
    }

    public ControllerManagerConfig withControllers(Set<String> v) {
        return new ControllerManagerConfig(client, v, concurrentRcSyncs, concurrentEndpointSyncs, concurrentGcSyncs,
                burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout, unschedulableRetry,
                resyncPeriod, leaderElection, bindAddress, port);
    }

    public ControllerManagerConfig withConcurrentRcSyncs(int v) {
        return new ControllerManagerConfig(client, controllers, v, concurrentEndpointSyncs, concurrentGcSyncs,
                burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout, unschedulableRetry,
                resyncPeriod, leaderElection, bindAddress, port);
    }

    public ControllerManagerConfig withBurstReplicas(int v) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, concurrentEndpointSyncs,
                concurrentGcSyncs, v, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout,
                unschedulableRetry, resyncPeriod, leaderElection, bindAddress, port);
    }

    public ControllerManagerConfig withNodeMonitoring(Duration period, Duration grace, Duration eviction) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, concurrentEndpointSyncs,
                concurrentGcSyncs, burstReplicas, period, grace, eviction, unschedulableRetry, resyncPeriod,
                leaderElection, bindAddress, port);
    }

    public ControllerManagerConfig withUnschedulableRetry(Duration v) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, concurrentEndpointSyncs,
                concurrentGcSyncs, burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout, v,
                resyncPeriod, leaderElection, bindAddress, port);
    }

    public ControllerManagerConfig withLeaderElection(LeaderElectionConfig v) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, concurrentEndpointSyncs,
                concurrentGcSyncs, burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout,
                unschedulableRetry, resyncPeriod, v, bindAddress, port);
    }

    public ControllerManagerConfig withPort(String address, int v) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, concurrentEndpointSyncs,
                concurrentGcSyncs, burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout,
                unschedulableRetry, resyncPeriod, leaderElection, address, v);
    }

    public ControllerManagerConfig withConcurrency(int endpointSyncs, int gcSyncs) {
        return new ControllerManagerConfig(client, controllers, concurrentRcSyncs, endpointSyncs, gcSyncs,
                burstReplicas, nodeMonitorPeriod, nodeMonitorGracePeriod, podEvictionTimeout, unschedulableRetry,
                resyncPeriod, leaderElection, bindAddress, port);
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + v);
        }
    }
}
