package io.skiff.controller.leaderelection;

import io.skiff.client.ClientConfig;
import io.skiff.controller.ControllerManager;
import io.skiff.controller.ControllerManagerConfig;
import java.time.Duration;
import java.util.Set;

/**
 * A controller-manager in a JVM of its own, for the test that kills one with SIGKILL. Prints
 * {@code leading} when it starts running its controllers. Arguments: server, identity, lease name,
 * lease/renew/retry milliseconds.
 */
public final class ChildControllerManager {
    private ChildControllerManager() {}

    public static void main(String[] args) throws Exception {
        ControllerManagerConfig config = ControllerManagerConfig.defaults(ClientConfig.forServer(args[0]))
                .withControllers(Set.of("replication"))
                .withPort("127.0.0.1", -1)
                .withLeaderElection(new LeaderElectionConfig("kube-system", args[2], args[1],
                        Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(Long.parseLong(args[4])),
                        Duration.ofMillis(Long.parseLong(args[5]))));
        ControllerManager manager = new ControllerManager(config).start();
        while (!manager.isLeading()) {
            Thread.sleep(10);
        }
        System.out.println("leading");
        System.out.flush();
        manager.awaitTermination();
    }
}
