package io.skiff.cli;

import io.skiff.api.SkiffVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code skiff} command: every daemon of a cluster and its kubectl-like CLI. */
@Command(
        name = "skiff",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A small Kubernetes in one binary: the daemons of a cluster and its command line.",
        subcommands = {
            UpCommand.class,
            ApiServerCommand.class,
            ControllerManagerCommand.class,
            KubeletCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"skiff " + SkiffVersion.version()};
        }
    }
}
