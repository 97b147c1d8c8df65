package io.skiff.api.v1beta1;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.core.Event;
import io.skiff.api.core.ObjectReference;

/**
 * A v1beta1 event to and from the hub. {@code source} is the reporting component;
 * {@code timestamp} is when it was seen (the hub's first and last timestamp of a single
 * occurrence; the last one on the way out); {@code status}, the object's state in a word, lives
 * in the hub's {@code action}, the nearest short machine-readable field.
 */
final class EventConversion {
    private EventConversion() {}

    static Event toHub(EventTypes.Event w) throws DecodeException {
        return new Event(MetaConversion.toHub(w.meta(), null), referenceToHub(w.involvedObject()), w.reason(),
                w.message(), w.source() == null ? null : new Event.Source(w.source(), null), w.timestamp(),
                w.timestamp(), null, null, null, w.status(), null, null);
    }

    static EventTypes.Event fromHub(Event e) {
        return new EventTypes.Event(MetaConversion.fromHub(V1beta1.EVENT, e.metadata()),
                referenceFromHub(e.involvedObject()), e.action(), e.reason(), e.message(),
                e.source() == null ? null : e.source().component(),
                e.lastTimestamp() != null ? e.lastTimestamp() : e.firstTimestamp());
    }

    private static ObjectReference referenceToHub(EventTypes.ObjectReference r) {
        return r == null ? null : new ObjectReference(r.kind(), r.namespace(), r.id(), r.uid(), r.apiVersion(),
                r.resourceVersion(), r.fieldPath());
    }

    private static EventTypes.ObjectReference referenceFromHub(ObjectReference r) {
        return r == null ? null : new EventTypes.ObjectReference(r.kind(), r.namespace(), r.name(), r.uid(),
                r.apiVersion(), r.resourceVersion(), r.fieldPath());
    }
}
