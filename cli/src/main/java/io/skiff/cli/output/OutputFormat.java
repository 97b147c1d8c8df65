package io.skiff.cli.output;

import io.skiff.cli.command.CommandException;

/** An {@code -o} value: a table (default, {@code wide}) or one of the object printers. */
public record OutputFormat(Kind kind, String argument) {
    public enum Kind { TABLE, WIDE, JSON, YAML, NAME, JSONPATH, CUSTOM_COLUMNS }

    public static final OutputFormat TABLE = new OutputFormat(Kind.TABLE, null);

    public static OutputFormat parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return TABLE;
        }
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String arg = eq < 0 ? null : spec.substring(eq + 1);
        OutputFormat f = switch (name) {
            case "wide" -> new OutputFormat(Kind.WIDE, null);
            case "json" -> new OutputFormat(Kind.JSON, null);
            case "yaml" -> new OutputFormat(Kind.YAML, null);
            case "name" -> new OutputFormat(Kind.NAME, null);
            case "jsonpath" -> new OutputFormat(Kind.JSONPATH, arg);
            case "custom-columns" -> new OutputFormat(Kind.CUSTOM_COLUMNS, arg);
            default -> null;
        };
        if (f == null || (arg != null && f.argument() == null)) {
            throw new CommandException("unable to match a printer suitable for the output format \"" + spec
                    + "\", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml");
        }
        if ((f.kind() == Kind.JSONPATH || f.kind() == Kind.CUSTOM_COLUMNS) && (arg == null || arg.isEmpty())) {
            throw new CommandException(name + " format specified but no " + (f.kind() == Kind.JSONPATH
                    ? "template given" : "custom columns given"));
        }
        return f;
    }

    public boolean isTable() {
        return kind == Kind.TABLE || kind == Kind.WIDE;
    }

    /** Formats after which kubectl says "No resources found" when nothing matched. */
    public boolean isHumanReadable() {
        return isTable() || kind == Kind.NAME;
    }
}
