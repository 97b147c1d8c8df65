package io.skiff.api.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A body that cannot be decoded: malformed JSON or YAML (with the line and column), a value of
 * the wrong type (with the field path), or an unknown apiVersion or kind. The apiserver answers
 * it with 400 BadRequest and {@link #getMessage()}.
 */
public final class DecodeException extends Exception {
    private final int line;
    private final int column;
    private final String field;

    public DecodeException(String message) {
        this(message, -1, -1, null, null);
    }

    private DecodeException(String message, int line, int column, String field, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** 1-based line of a syntax error, or -1 when not known (e.g. a type error found in a tree). */
    public int line() {
        return line;
    }

    /** 1-based column of a syntax error, or -1 when not known. */
    public int column() {
        return column;
    }

    /** JSON path of the offending field ({@code spec.containers[0].ports[0].containerPort}), or null. */
    public String field() {
        return field;
    }

    /** Turns a Jackson failure into a message for API users: where it is, and what was expected. */
    static DecodeException from(JsonProcessingException e, String format) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : loc.getColumnNr();
        String at = line > 0 ? " at line " + line + ", column " + column : "";
        if (!(e instanceof JsonMappingException m)) {
            String why = e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null
                    ? y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")")
                    : firstLine(e.getOriginalMessage());
            return new DecodeException("malformed " + format + at + ": " + why, line, column, null, e);
        }
        String path = path(m.getPath());
        String what;
        if (e instanceof InvalidFormatException f && !f.getOriginalMessage().startsWith("Cannot ")) {
            what = firstLine(f.getOriginalMessage()); // our own deserializers already say what is wrong
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            what = "expected " + describe(mi.getTargetType()) + gotToken(e);
        } else {
            what = firstLine(e.getOriginalMessage());
        }
        String message = (path.isEmpty() ? "" : path + ": ") + what + at;
        return new DecodeException(message, line, column, path.isEmpty() ? null : path, e);
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 time string";
        }
        if (type.getSimpleName().equals("Quantity")) {
            return "a quantity (string or number)";
        }
        if (type.getSimpleName().equals("IntOrString")) {
            return "an integer or a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String gotToken(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        JsonToken t = p.currentToken();
        if (t == null) {
            return "";
        }
        return switch (t) {
            case VALUE_STRING -> ", got a string";
            case VALUE_NUMBER_INT -> ", got an integer";
            case VALUE_NUMBER_FLOAT -> ", got a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> ", got a boolean";
            case VALUE_NULL -> ", got null";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> ", got an object";
            case START_ARRAY, END_ARRAY -> ", got an array";
            default -> "";
        };
    }

    /**
     * This error (found in a tree: path, no line) with the line and column of the same error
     * found again by parsing the source bytes.
     */
    DecodeException withLocationOf(DecodeException located) {
        if (located.line <= 0 || !java.util.Objects.equals(located.field, field)) {
            return this;
        }
        return new DecodeException(getMessage() + " at line " + located.line + ", column " + located.column,
                located.line, located.column, field, getCause());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Jackson names its (redacted) source; the API user knows what they sent.
        return line.replaceAll(" \\(for [A-Za-z]+ starting at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll(" ?at \\[Source:[^\\]]*\\]", "");
    }
}
