package io.skiff.apiserver.registry;

import io.skiff.api.meta.KubeObject;
import io.skiff.api.selector.FieldSelector;
import io.skiff.api.selector.LabelSelector;
import java.util.Map;

/** Whether an object matches a LIST or WATCH's label and field selectors. */
public record SelectionPredicate<T extends KubeObject>(LabelSelector labels, FieldSelector fields, Strategy<T> strategy) {

    public boolean everything() {
        return labels.isEmpty() && fields.isEmpty();
    }

    public boolean matches(T obj) {
        if (!labels.isEmpty()) {
            Map<String, String> objectLabels = obj.metadataOrEmpty().labels();
            if (!labels.matches(objectLabels == null ? Map.of() : objectLabels)) {
                return false;
            }
        }
        return fields.isEmpty() || fields.matches(strategy.selectableFields(obj));
    }
}
