package io.skiff.apiserver.registry;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;
import java.time.Duration;
import java.util.Map;

/** Events: stored with a time to live (Kubernetes' --event-ttl, 1 h); updates renew it. */
public final class EventStrategy extends KindStrategy<Event> {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final Duration ttl;

    public EventStrategy(ResourceInfo resource, Duration ttl) {
        super(resource, Event.class, "involvedObject.kind", "involvedObject.namespace",
                "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
                "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source",
                "type");
        this.ttl = ttl;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }

    @Override
    protected void addSelectableFields(Event e, Map<String, String> fields) {
        ObjectReference ref = e.involvedObject();
        fields.put("involvedObject.kind", ref == null ? "" : orEmpty(ref.kind()));
        fields.put("involvedObject.namespace", ref == null ? "" : orEmpty(ref.namespace()));
        fields.put("involvedObject.name", ref == null ? "" : orEmpty(ref.name()));
        fields.put("involvedObject.uid", ref == null ? "" : orEmpty(ref.uid()));
        fields.put("involvedObject.apiVersion", ref == null ? "" : orEmpty(ref.apiVersion()));
        fields.put("involvedObject.resourceVersion", ref == null ? "" : orEmpty(ref.resourceVersion()));
        fields.put("involvedObject.fieldPath", ref == null ? "" : orEmpty(ref.fieldPath()));
        fields.put("reason", orEmpty(e.reason()));
        fields.put("reportingComponent", orEmpty(e.reportingComponent()));
        fields.put("source", e.source() == null ? "" : orEmpty(e.source().component()));
        fields.put("type", orEmpty(e.type()));
    }
}
