package io.skiff.cli.apply;

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
}
