package io.skiff.cli;

import io.skiff.api.SkiffVersion;
import io.skiff.cli.command.Terminal;
import io.skiff.cli.apply.ApplyCommand;
import io.skiff.cli.apply.CreateCommand;
import io.skiff.cli.apply.ReplaceCommand;
import io.skiff.cli.delete.DeleteCommand;
import io.skiff.cli.describe.DescribeCommand;
import io.skiff.cli.get.GetCommand;
import io.skiff.cli.info.ApiResourcesCommand;
import io.skiff.cli.info.CompletionCommand;
import io.skiff.cli.info.VersionCommand;
import io.skiff.cli.metadata.AnnotateCommand;
import io.skiff.cli.metadata.LabelCommand;
import io.skiff.cli.node.CordonCommand;
import io.skiff.cli.node.DrainCommand;
import io.skiff.cli.node.UncordonCommand;
import io.skiff.cli.workload.LogsCommand;
import io.skiff.cli.workload.RunCommand;
import io.skiff.cli.workload.ScaleCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
            GetCommand.class,
            DescribeCommand.class,
            ApplyCommand.class,
            CreateCommand.class,
            ReplaceCommand.class,
            DeleteCommand.class,
            ScaleCommand.class,
            LogsCommand.class,
            RunCommand.class,
            LabelCommand.class,
            AnnotateCommand.class,
            CordonCommand.class,
            UncordonCommand.class,
            DrainCommand.class,
            ApiResourcesCommand.class,
            VersionCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable, Terminal.Holder {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    Main(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    static int run(String... args) {
        return run(Terminal.system(), args);
    }

    /** Runs one command line against this terminal; returns the exit code. */
    public static int run(Terminal terminal, String... args) {
        return commandLine(terminal).execute(args);
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new Main(terminal));
        cli.setOut(new PrintWriter(terminal.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(terminal.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler(Main::badUsage);
        return cli;
    }

    /** kubectl's wording for a bad flag or argument: one line, a pointer to --help, exit code 1. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return 1;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(terminal.out());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"skiff " + SkiffVersion.version()};
        }
    }
}
