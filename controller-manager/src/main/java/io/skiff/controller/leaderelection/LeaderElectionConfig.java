package io.skiff.controller.leaderelection;

import java.time.Duration;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, with Kubernetes' timings: a
 * candidate takes the lease only after its holder has not renewed it for {@code leaseDuration};
 * the holder gives up acting if it could not renew for {@code renewDeadline} (shorter, so it
 * stops before anyone else may start); everybody retries every {@code retryPeriod}.
 */
public record LeaderElectionConfig(String namespace, String name, String identity, Duration leaseDuration,
        Duration renewDeadline, Duration retryPeriod) {

    public static final String DEFAULT_NAMESPACE = "kube-system";
    public static final String DEFAULT_NAME = "skiff-controller-manager";

    public LeaderElectionConfig {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("leader election needs an identity");
        }
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("--leader-elect-renew-deadline (" + renewDeadline
                    + ") must be shorter than --leader-elect-lease-duration (" + leaseDuration + ")");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("--leader-elect-retry-period (" + retryPeriod
                    + ") must be shorter than --leader-elect-renew-deadline (" + renewDeadline + ")");
        }
    }

    /** 15 s lease, renew within 10 s, retry every 2 s, on kube-system/skiff-controller-manager. */
    public static LeaderElectionConfig defaults(String identity) {
        return new LeaderElectionConfig(DEFAULT_NAMESPACE, DEFAULT_NAME, identity, Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    public LeaderElectionConfig withTimings(Duration lease, Duration renew, Duration retry) {
        return new LeaderElectionConfig(namespace, name, identity, lease, renew, retry);
    }
}
