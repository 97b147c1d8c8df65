package io.skiff.apiserver.registry;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.storage.KeyValue;

/**
 * Objects as stored: the v1 JSON without a resourceVersion (the storage revision is the
 * resourceVersion, known only once written), read back with it set from the key's modRevision.
 */
public final class ObjectCodec<T extends KubeObject> {
    private final Scheme scheme;
    private final Class<T> type;

    public ObjectCodec(Scheme scheme, Class<T> type) {
        this.scheme = scheme;
        this.type = type;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T obj) {
        ObjectMeta meta = obj.metadataOrEmpty();
        KubeObject bare = meta.resourceVersion() == null ? obj : obj.withMetadata(meta.withResourceVersion(null));
        return scheme.encode(bare);
    }

    /** The wire form of an object as served (resourceVersion included). */
    public byte[] wire(T obj) {
        return scheme.encode(obj);
    }

    public T decode(KeyValue kv) {
        return decode(kv.key(), kv.value(), kv.modRevision());
    }

    /** The stored bytes of {@code key} as an object whose resourceVersion is {@code revision}. */
    public T decode(String key, byte[] value, long revision) {
        try {
            T obj = Json.read(value, type);
            return withResourceVersion(obj, revision);
        } catch (DecodeException e) {
            // Only this server writes these keys: undecodable bytes are a server fault, never the client's.
            throw new CorruptObjectException(key, e);
        }
    }

    @SuppressWarnings("unchecked")
    public T withResourceVersion(T obj, long revision) {
        return (T) obj.withMetadata(obj.metadataOrEmpty().withResourceVersion(Long.toString(revision)));
    }

    /** Stored bytes that do not decode as the kind they should hold. */
    public static final class CorruptObjectException extends RuntimeException {
        public CorruptObjectException(String key, DecodeException cause) {
            super("stored object at " + key + " cannot be decoded: " + cause.getMessage(), cause);
        }
    }
}
