package io.skiff.cli.info;

import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Terminal;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skiff completion bash|zsh}: a completion script for every command and flag, made by
 * picocli's AutoComplete. The same script serves zsh through its bash-completion emulation.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: source <(skiff completion bash).",
        footer = {"", "Examples:", "  source <(skiff completion bash)",
            "  skiff completion zsh > \"${fpath[1]}/_skiff\""})
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "bash|zsh")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = ((Terminal.Holder) spec.root().userObject()).terminal();
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        switch (shell) {
            case "bash" -> terminal.out().print(script);
            case "zsh" -> terminal.out().print("#compdef skiff\n"
                    + "autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> {
                terminal.err().print(io.skiff.cli.command.ErrorMessages.of(
                        new CommandException("Unsupported shell type \"" + shell + "\".")));
                return 1;
            }
        }
        terminal.out().flush();
        return 0;
    }
}
