package io.skiff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "kubelet", mixinStandardHelpOptions = true, description = "Run the node agent that drives this machine's Docker engine.")
final class KubeletCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() {
        logging.apply();
        System.err.println("skiff kubelet: not yet implemented");
        return 2;
    }
}
