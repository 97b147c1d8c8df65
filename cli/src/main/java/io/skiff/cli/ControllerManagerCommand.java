package io.skiff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "controller-manager", mixinStandardHelpOptions = true, description = "Run the controller manager (replication, scheduling, node lifecycle, GC).")
final class ControllerManagerCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        logging.apply();
        System.err.println("skiff controller-manager: not yet implemented");
        return 2;
    }
}
