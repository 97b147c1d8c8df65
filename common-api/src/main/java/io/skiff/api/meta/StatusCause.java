package io.skiff.api.meta;

/** One cause of a failure; for validation, one field error ({@code field} is the JSON path). */
public record StatusCause(String reason, String message, String field) {
    // metav1.CauseType values.
    public static final String FIELD_VALUE_NOT_FOUND = "FieldValueNotFound";
    public static final String FIELD_VALUE_REQUIRED = "FieldValueRequired";
    public static final String FIELD_VALUE_DUPLICATE = "FieldValueDuplicate";
    public static final String FIELD_VALUE_INVALID = "FieldValueInvalid";
    public static final String FIELD_VALUE_NOT_SUPPORTED = "FieldValueNotSupported";
    public static final String FIELD_VALUE_FORBIDDEN = "FieldValueForbidden";
    public static final String FIELD_VALUE_TOO_LONG = "FieldValueTooLong";
    public static final String FIELD_VALUE_TOO_MANY = "FieldValueTooMany";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String UNEXPECTED_SERVER_RESPONSE = "UnexpectedServerResponse";
}
