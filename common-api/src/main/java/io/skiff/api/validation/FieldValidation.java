package io.skiff.api.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Field-level validators shared by every kind (Kubernetes' {@code api/validation} and
 * {@code apis/meta/v1/validation}): each takes the {@link FieldPath} of what it checks and returns
 * every {@link FieldError} it finds, in a deterministic order (map entries by key).
 */
public final class FieldValidation {

    /** The most bytes all annotation keys and values of one object may hold together. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;
    /** Kubernetes' IsNegativeErrorMsg. */
    public static final String IS_NEGATIVE_ERROR_MSG = "must be greater than or equal to 0";
    /** Kubernetes' FieldImmutableErrorMsg. */
    public static final String FIELD_IMMUTABLE_ERROR_MSG = "field is immutable";

    private FieldValidation() {
    }

    /** One Invalid error at {@code path} for each message a {@link Validation} rule returned. */
    public static List<FieldError> invalidEach(FieldPath path, Object value, List<String> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>(messages.size());
        messages.forEach(msg -> errs.add(FieldError.invalid(path, value, msg)));
        return errs;
    }

    /** A label key (or any qualified name) at {@code path}. */
    public static List<FieldError> validateLabelName(String key, FieldPath path) {
        return invalidEach(path, key, Validation.isQualifiedName(key));
    }

    /**
     * Label keys and values; errors sit at the labels' own path, e.g. {@code metadata.labels:
     * Invalid value: "bad value": ...}, as Kubernetes reports them.
     */
    public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
        if (labels == null || allValidLabels(labels)) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> {
            // A JSON null decodes to "" in Kubernetes' map[string]string.
            String v = value == null ? "" : value;
            errs.addAll(validateLabelName(key, path));
            errs.addAll(invalidEach(path, v, Validation.isValidLabelValue(v)));
        });
        return errs;
    }

    /** The common case, checked without sorting or allocating: every key and value is valid. */
    private static boolean allValidLabels(Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue();
            if (!Validation.isQualifiedName(e.getKey()).isEmpty() || !Validation.isValidLabelValue(v).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Annotation keys are qualified names in any case; keys and values together hold at most
     * {@link #TOTAL_ANNOTATION_SIZE_LIMIT_BYTES} bytes.
     */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
        if (annotations == null || allValidAnnotations(annotations)) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>();
        long totalSize = 0;
        for (Map.Entry<String, String> entry : new TreeMap<>(annotations).entrySet()) {
            String key = entry.getKey();
            // The rule is a qualified name except that case does not matter.
            errs.addAll(invalidEach(path, key, Validation.isQualifiedName(key.toLowerCase(Locale.ROOT))));
            totalSize += Validation.utf8Length(key) + Validation.utf8Length(entry.getValue() == null ? "" : entry.getValue());
        }
        if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            errs.add(FieldError.tooLong(path, "", TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
        }
        return errs;
    }

    /** The common case, checked without sorting or lower-casing: valid keys (lower-case ones need no lower-casing), small total. */
    private static boolean allValidAnnotations(Map<String, String> annotations) {
        long totalSize = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String key = e.getKey();
            if (!Validation.isQualifiedName(key).isEmpty()
                    && !Validation.isQualifiedName(key.toLowerCase(Locale.ROOT)).isEmpty()) {
                return false;
            }
            totalSize += Validation.utf8Length(key) + Validation.utf8Length(e.getValue() == null ? "" : e.getValue());
        }
        return totalSize <= TOTAL_ANNOTATION_SIZE_LIMIT_BYTES;
    }

    /**
     * An object's {@code name} and {@code generateName} under {@code metadataPath}, as Kubernetes'
     * ValidateObjectMeta checks them on create (after any name was generated): a generateName must
     * pass {@code rule} as a prefix; a name is required and must pass {@code rule}.
     */
    public static List<FieldError> validateObjectName(String name, String generateName, NameValidator rule,
                                                      FieldPath metadataPath) {
        List<FieldError> errs = new ArrayList<>();
        if (generateName != null && !generateName.isEmpty()) {
            errs.addAll(invalidEach(metadataPath.child("generateName"), generateName, rule.validate(generateName, true)));
        }
        if (name == null || name.isEmpty()) {
            errs.add(FieldError.required(metadataPath.child("name"), "name or generateName is required"));
        } else {
            errs.addAll(invalidEach(metadataPath.child("name"), name, rule.validate(name, false)));
        }
        return errs;
    }

    /**
     * An object's {@code namespace} under {@code metadataPath}: required and a DNS-1123 label for
     * namespaced kinds, forbidden for cluster-scoped ones.
     */
    public static List<FieldError> validateNamespace(String namespace, boolean namespaced, FieldPath metadataPath) {
        FieldPath path = metadataPath.child("namespace");
        boolean empty = namespace == null || namespace.isEmpty();
        if (namespaced) {
            return empty ? List.of(FieldError.required(path, ""))
                    : invalidEach(path, namespace, NameValidator.DNS_LABEL.validate(namespace, false));
        }
        return empty ? List.of() : List.of(FieldError.forbidden(path, "not allowed on this type"));
    }

    /** {@code value >= 0}. */
    public static List<FieldError> validateNonnegative(long value, FieldPath path) {
        return value < 0 ? List.of(FieldError.invalid(path, value, IS_NEGATIVE_ERROR_MSG)) : List.of();
    }

    /** A port number, 1 to 65535. */
    public static List<FieldError> validatePortNumber(long port, FieldPath path) {
        return invalidEach(path, port, Validation.isValidPortNum(port));
    }

    /**
     * A value of an enumeration: Required when empty, NotSupported (listing {@code supported} in
     * the given order) when not one of them.
     */
    public static List<FieldError> validateEnum(String value, Collection<String> supported, FieldPath path) {
        if (value == null || value.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        return supported.contains(value) ? List.of() : List.of(FieldError.notSupported(path, value, supported));
    }

    /** An immutable field: Invalid with the new value when it differs from the old. */
    public static List<FieldError> validateImmutable(Object newValue, Object oldValue, FieldPath path) {
        return Objects.equals(newValue, oldValue) ? List.of()
                : List.of(FieldError.invalid(path, newValue, FIELD_IMMUTABLE_ERROR_MSG));
    }

    /**
     * Duplicate keys in a list, reported at each repeat as Kubernetes reports container names:
     * {@code spec.containers[1].name: Duplicate value: "web"}. Items without a key (null or empty)
     * are skipped; whether a key is required is the caller's own check.
     *
     * @param items    the list
     * @param key      the item's identity, e.g. {@code Container::name}
     * @param listPath the list's path, e.g. {@code spec.containers}
     * @param keyField the key's field name under each item, e.g. {@code name}
     */
    public static <T> List<FieldError> validateUnique(List<T> items, Function<? super T, String> key,
                                                      FieldPath listPath, String keyField) {
        List<FieldError> errs = new ArrayList<>();
        if (items == null) {
            return errs;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            if (k == null || k.isEmpty()) {
                continue;
            }
            if (firstIndex.putIfAbsent(k, i) != null) {
                errs.add(FieldError.duplicate(listPath.index(i).child(keyField), k));
            }
        }
        return errs;
    }
}
