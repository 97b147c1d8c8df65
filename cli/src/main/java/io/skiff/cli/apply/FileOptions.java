package io.skiff.cli.apply;

import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.ErrorMessages;
import io.skiff.cli.command.Session;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f FILE|DIR|-} (repeatable) and {@code -R}. */
public final class FileOptions {
    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "A manifest file, a directory of them, or - for stdin (repeatable).")
    List<String> filenames;

    @Option(names = {"-R", "--recursive"}, description = "Read directories recursively.")
    boolean recursive;

    public List<String> filenames() {
        return filenames == null ? List.of() : filenames;
    }

    public boolean recursive() {
        return recursive;
    }

    public boolean given() {
        return filenames != null && !filenames.isEmpty();
    }

    /** What a command does to one object of the files; returns the line it prints ({@code pod/web created}). */
    @FunctionalInterface
    public interface Action {
        String apply(Manifest manifest);
    }

    /**
     * Reads the manifests the flags name and applies {@code action} to each in turn, printing its
     * line; a failure is reported and the others are still done, as kubectl does. The exit code:
     * 1 if any failed.
     */
    public int forEach(Session session, Action action) {
        if (!given()) {
            throw new CommandException("must specify one of -f and -k");
        }
        List<Manifest> manifests = new ManifestReader(session.scheme(), session.terminal().in())
                .read(filenames(), recursive());
        boolean failed = false;
        for (Manifest m : manifests) {
            try {
                session.out().println(action.apply(m));
            } catch (RuntimeException e) {
                failed = true;
                ClientCommand.report(session.terminal(), session.verbosity(), e);
            }
        }
        return failed ? 1 : 0;
    }

    /** {@link #forEach(Session, Action)}, an API error naming the file ({@code error when creating "web.yaml": ...}). */
    public int forEach(Session session, String verb, Action action) {
        return forEach(session, m -> {
            try {
                return action.apply(m);
            } catch (RuntimeException e) {
                throw ErrorMessages.withSource(e, verb, m.source());
            }
        });
    }
}
