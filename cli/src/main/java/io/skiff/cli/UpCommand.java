package io.skiff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", mixinStandardHelpOptions = true, description = "Run a whole cluster on this machine: apiserver, controller-manager and a kubelet.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        logging.apply();
        System.err.println("skiff up: not yet implemented");
        return 2;
    }
}
