package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.NameValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The behaviour most kinds share; each kind's strategy overrides what differs. Validation is
 * the metadata rules plus {@link #validateKind} / {@link #validateKindUpdate}, the kind's own.
 */
abstract class KindStrategy<T extends KubeObject> implements Strategy<T> {
    protected final ResourceInfo resource;
    private final Class<T> type;
    private final NameValidator names;
    private final Set<String> selectable;

    KindStrategy(ResourceInfo resource, Class<T> type, NameValidator names, String... extraSelectableFields) {
        this.resource = resource;
        this.type = type;
        this.names = names;
        Set<String> fields = new LinkedHashSet<>();
        fields.add("metadata.name");
        if (resource.namespaced()) {
            fields.add("metadata.namespace");
        }
        fields.addAll(List.of(extraSelectableFields));
        this.selectable = Set.copyOf(fields);
    }

    @Override
    public ResourceInfo resource() {
        return resource;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public T defaults(T obj) {
        return Defaults.apply(obj);
    }

    @Override
    public T prepareForCreate(T obj) {
        return obj;
    }

    @Override
    public T prepareForUpdate(T updated, T old) {
        return updated;
    }

    @Override
    public T prepareForStatusUpdate(T updated, T old) {
        return updated;
    }

    @Override
    public final List<FieldError> validate(T obj) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaRules.validate(obj.metadataOrEmpty(), resource.namespaced(), names));
        errs.addAll(validateKind(obj));
        return errs;
    }

    @Override
    public final List<FieldError> validateUpdate(T updated, T old) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaRules.validateUpdate(updated.metadataOrEmpty(), old.metadataOrEmpty()));
        errs.addAll(validateKindUpdate(updated, old));
        return errs;
    }

    /** The kind's own rules for a new object (the metadata is checked already). */
    protected List<FieldError> validateKind(T obj) {
        return List.of();
    }

    /** The kind's own rules for an update; by default those of a new object. */
    protected List<FieldError> validateKindUpdate(T updated, T old) {
        return validateKind(updated);
    }

    @Override
    public Object spec(T obj) {
        return null;
    }

    @Override
    public Set<String> selectableFieldNames() {
        return selectable;
    }

    @Override
    public Map<String, String> selectableFields(T obj) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("metadata.name", orEmpty(obj.name()));
        if (resource.namespaced()) {
            fields.put("metadata.namespace", orEmpty(obj.namespace()));
        }
        addSelectableFields(obj, fields);
        return fields;
    }

    protected void addSelectableFields(T obj, Map<String, String> fields) {}

    /**
     * Metadata of a {@code /status} write: the stored one, except labels and annotations, which
     * a status writer may change (as Kubernetes allows).
     */
    protected static ObjectMeta statusMeta(ObjectMeta updated, ObjectMeta old) {
        return old.withLabels(updated.labels()).withAnnotations(updated.annotations());
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
