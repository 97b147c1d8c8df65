package io.skiff.api.validation;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One field-level validation error, Kubernetes' {@code field.Error}: what kind of problem, at which
 * field, with which value, and a detail. {@link #message()} is word for word what Kubernetes prints,
 * e.g. {@code spec.containers[1].name: Duplicate value: "web"}; {@link #body()} is the same without
 * the field (the {@code message} of a Status cause, whose {@code field} is {@link #field()}).
 *
 * <p>Build errors with the factories ({@link #required}, {@link #invalid}, ...), which word the
 * details as Kubernetes does. A null {@link FieldPath} renders as {@code <nil>}, as a nil Go path does.
 *
 * @param type     the kind of problem; its {@link Type#reason() reason} is the Status cause type
 * @param field    the rendered field path
 * @param badValue the offending value (String, Number, Boolean, a collection of strings, ...);
 *                 ignored in the message for Required, Forbidden, TooLong and InternalError
 * @param detail   free text after the value, empty for none
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** Kubernetes' field.ErrorType: the reason string and the words the message starts with. */
    public enum Type {
        NOT_FOUND("FieldValueNotFound", "Not found"),
        REQUIRED("FieldValueRequired", "Required value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        INTERNAL_ERROR("InternalError", "Internal error"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        /** The machine-readable reason, e.g. {@code FieldValueRequired}. */
        public String reason() {
            return reason;
        }

        /** The human words, e.g. {@code Required value}. */
        public String text() {
            return text;
        }
    }

    /** Stands for "no value to print" (Kubernetes' omitValue), e.g. a TooMany without a count. */
    public static final Object OMIT_VALUE = new Object() {
        @Override
        public String toString() {
            return "<omitted>";
        }
    };

    public FieldError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        detail = detail == null ? "" : detail;
    }

    /** The message without the field, as Kubernetes puts it in a Status cause. */
    public String body() {
        String s = switch (type) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL_ERROR -> type.text();
            default -> badValue == OMIT_VALUE ? type.text() : type.text() + ": " + GoFormat.value(badValue);
        };
        return detail.isEmpty() ? s : s + ": " + detail;
    }

    /** The full message, {@code field: body}. */
    public String message() {
        return field + ": " + body();
    }

    /** The cause type of a Status, e.g. {@code FieldValueInvalid}. */
    public String reason() {
        return type.reason();
    }

    @Override
    public String toString() {
        return message();
    }

    private static String render(FieldPath path) {
        return path == null ? "<nil>" : path.toString();
    }

    /** A value that was looked up and not found. */
    public static FieldError notFound(FieldPath path, Object value) {
        return new FieldError(Type.NOT_FOUND, render(path), value, "");
    }

    /** A required value is missing; {@code detail} may be empty. */
    public static FieldError required(FieldPath path, String detail) {
        return new FieldError(Type.REQUIRED, render(path), "", detail);
    }

    /** A value that must be unique is not. */
    public static FieldError duplicate(FieldPath path, Object value) {
        return new FieldError(Type.DUPLICATE, render(path), value, "");
    }

    /** A malformed value (failed a format, out of range, ...). */
    public static FieldError invalid(FieldPath path, Object value, String detail) {
        return new FieldError(Type.INVALID, render(path), value, detail);
    }

    /** A value outside an enumeration; the supported values are listed quoted, in the given order. */
    public static FieldError notSupported(FieldPath path, Object value, Collection<String> supported) {
        String detail = supported.isEmpty() ? ""
                : "supported values: " + supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
        return new FieldError(Type.NOT_SUPPORTED, render(path), value, detail);
    }

    /** A well-formed value that is not allowed here. */
    public static FieldError forbidden(FieldPath path, String detail) {
        return new FieldError(Type.FORBIDDEN, render(path), "", detail);
    }

    /** A value longer than {@code maxLength} bytes; a negative maximum is left out of the message. */
    public static FieldError tooLong(FieldPath path, Object value, int maxLength) {
        String detail = maxLength >= 0 ? "must have at most " + maxLength + " bytes" : "value is too long";
        return new FieldError(Type.TOO_LONG, render(path), value, detail);
    }

    /** A list with more than {@code maxQuantity} items; negative numbers are left out of the message. */
    public static FieldError tooMany(FieldPath path, int actualQuantity, int maxQuantity) {
        String detail = maxQuantity >= 0 ? "must have at most " + maxQuantity + " items" : "has too many items";
        Object actual = actualQuantity >= 0 ? (Object) actualQuantity : OMIT_VALUE;
        return new FieldError(Type.TOO_MANY, render(path), actual, detail);
    }

    /** A failure that is not the user's input. */
    public static FieldError internalError(FieldPath path, String error) {
        return new FieldError(Type.INTERNAL_ERROR, render(path), null, error);
    }
}
