package io.skiff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "apiserver", mixinStandardHelpOptions = true, description = "Run the API server.")
final class ApiServerCommand implements Callable<Integer> {
    @Mixin
    LoggingOptions logging;

    /** --secure-port, --tls-cert-file, --tls-private-key-file, --token-auth-file: install(builder) adds the port. */
    @Mixin
    SecureServingOptions secure;

    @Override
    public Integer call() {
        logging.apply();
        System.err.println("skiff apiserver: not yet implemented");
        return 2;
    }
}
