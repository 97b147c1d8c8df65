package io.skiff.cli;

import io.skiff.api.SkiffVersion;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the client version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Client Version: " + SkiffVersion.version()
                + " (Kubernetes API " + SkiffVersion.KUBERNETES_COMPAT + ")");
    }
}
