package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.validation.FieldError;
import io.skiff.api.validation.Validators;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The behaviour most kinds share; each kind's strategy overrides what differs. Validation is
 * common-api's {@link Validators}: Kubernetes' rules and wording for metadata and every kind.
 */
abstract class KindStrategy<T extends KubeObject> implements Strategy<T> {
    protected final ResourceInfo resource;
    private final Class<T> type;
    private final Set<String> selectable;

    KindStrategy(ResourceInfo resource, Class<T> type, String... extraSelectableFields) {
        this.resource = resource;
        this.type = type;
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

    /** Kubernetes' validation of the kind ({@link Validators}), every error at once. */
    @Override
    public List<FieldError> validate(T obj) {
        return Validators.validate(obj);
    }

    @Override
    public List<FieldError> validateUpdate(T updated, T old) {
        return Validators.validateUpdate(updated, old);
    }

    @Override
    public List<FieldError> validateStatusUpdate(T updated, T old) {
        return Validators.validateStatusUpdate(updated, old);
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
