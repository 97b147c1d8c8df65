package io.skiff.kubelet.runtime.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated container's command "does". Hollow nodes run real pod specs, whose commands are
 * mostly servers (run until stopped) or short scripts; a few shapes are understood so that those
 * scripts end the way they would for real, everything else runs until stopped:
 * {@code sleep N}, {@code true}, {@code false}, {@code echo ...}, {@code exit N}, {@code trap ...}
 * (a no-op: every simulated process ends on a stop), and {@code sh -c}
 * with such statements separated by {@code ;}, {@code &&} or newlines. Output is printed at start.
 *
 * @param output   lines printed
 * @param runFor   how long it runs before exiting by itself; null for until stopped
 * @param exitCode its exit code when it exits by itself
 */
record SimulatedProcess(List<String> output, Duration runFor, int exitCode) {

    static final SimulatedProcess UNTIL_STOPPED = new SimulatedProcess(List.of(), null, 0);

    static SimulatedProcess of(List<String> argv) {
        if (argv.isEmpty()) {
            return UNTIL_STOPPED;
        }
        String program = basename(argv.get(0));
        if ((program.equals("sh") || program.equals("bash")) && argv.size() >= 3 && argv.get(1).equals("-c")) {
            return script(argv.get(2));
        }
        return script(argv);
    }

    private static SimulatedProcess script(String script) {
        List<String> statements = List.of(script.split("\\s*(;|&&|\\n)\\s*"));
        List<String> output = new ArrayList<>();
        Duration runFor = Duration.ZERO;
        int exitCode = 0;
        for (String statement : statements) {
            if (statement.isBlank()) {
                continue;
            }
            SimulatedProcess step = script(words(statement));
            if (step.runFor() == null) {
                return new SimulatedProcess(List.copyOf(output), null, 0);
            }
            output.addAll(step.output());
            runFor = runFor.plus(step.runFor());
            exitCode = step.exitCode();
            if (words(statement).get(0).equals("exit")) {
                break;
            }
        }
        return new SimulatedProcess(List.copyOf(output), runFor, exitCode);
    }

    /** One simple command; anything not understood is a server that runs until stopped. */
    private static SimulatedProcess script(List<String> argv) {
        String program = basename(argv.get(0));
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (program) {
                case "true", "trap" -> new SimulatedProcess(List.of(), Duration.ZERO, 0);
                case "false" -> new SimulatedProcess(List.of(), Duration.ZERO, 1);
                case "echo" -> new SimulatedProcess(List.of(String.join(" ", rest)), Duration.ZERO, 0);
                case "exit" -> new SimulatedProcess(List.of(), Duration.ZERO,
                        rest.isEmpty() ? 0 : Integer.parseInt(rest.get(0)) & 0xff);
                case "sleep" -> rest.size() == 1
                        ? new SimulatedProcess(List.of(), Duration.ofMillis(Math.round(Double.parseDouble(rest.get(0)) * 1000)), 0)
                        : UNTIL_STOPPED;
                default -> UNTIL_STOPPED;
            };
        } catch (NumberFormatException e) {
            return UNTIL_STOPPED;
        }
    }

    /** Splits on blanks, keeping quoted words together and dropping their quotes. */
    private static List<String> words(String statement) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : statement.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.isEmpty() ? List.of("") : words;
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
