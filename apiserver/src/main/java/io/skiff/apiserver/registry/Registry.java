package io.skiff.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.validation.FieldError;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.GroupResource;
import io.skiff.apiserver.watch.WatchCache;
import io.skiff.storage.ConflictException;
import io.skiff.storage.KeyExistsException;
import io.skiff.storage.KeyNotFoundException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.TooOldRevisionException;
import io.skiff.storage.support.ContinueToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The generic store of one resource, as Kubernetes' {@code registry/generic/registry.Store}:
 * every write is a compare-and-swap on the key's modRevision (the resourceVersion), updates are
 * read-modify-write loops that retry a lost swap with the newer state, and the kind's
 * {@link Strategy} decides what a create, update or delete may change. Thread-safe; holds no
 * state of its own besides its watch cache.
 */
public final class Registry<T extends KubeObject> {
    /** A bound on retries of a lost swap; each retry re-reads, so someone always progresses. */
    private static final int MAX_SWAP_ATTEMPTS = 1_000;
    private static final int GENERATE_NAME_ATTEMPTS = 8;
    /** Kubernetes' generated-name alphabet: no vowels (no words), no look-alike characters. */
    private static final char[] NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final int GENERATED_SUFFIX = 5;
    private static final int MAX_GENERATE_NAME_PREFIX = 63 - GENERATED_SUFFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Strategy<T> strategy;
    private final ResourceInfo resource;
    private final GroupResource groupResource;
    private final Storage storage;
    private final RegistryKeys keys;
    private final ObjectCodec<T> codec;
    private final CreateAdmission admission;
    private final Clock clock;
    private volatile WatchCache<T> cache;

    public Registry(Strategy<T> strategy, Storage storage, RegistryKeys keys, ObjectCodec<T> codec,
            CreateAdmission admission, Clock clock) {
        this.strategy = strategy;
        this.resource = strategy.resource();
        this.groupResource = GroupResource.of(resource);
        this.storage = storage;
        this.keys = keys;
        this.codec = codec;
        this.admission = admission;
        this.clock = clock;
    }

    public Strategy<T> strategy() {
        return strategy;
    }

    public ResourceInfo resource() {
        return resource;
    }

    public GroupResource groupResource() {
        return groupResource;
    }

    public ObjectCodec<T> codec() {
        return codec;
    }

    public RegistryKeys keys() {
        return keys;
    }

    public void attachCache(WatchCache<T> watchCache) {
        this.cache = watchCache;
    }

    /** The watch cache of this resource, or null before the server started it. */
    public WatchCache<T> cache() {
        return cache;
    }

    public String key(String namespace, String name) {
        return keys.key(resource, namespace, name);
    }

    public String collectionPrefix(String namespace) {
        return keys.collectionPrefix(resource, namespace);
    }

    public SelectionPredicate<T> predicate(ListOptions options) {
        return new SelectionPredicate<>(options.labels(), options.fields(), strategy);
    }

    // ---- reads ----------------------------------------------------------------------------

    public T get(String namespace, String name) {
        return find(namespace, name).orElseThrow(() -> ApiErrors.notFound(groupResource, name));
    }

    public Optional<T> find(String namespace, String name) {
        try {
            return storage.get(key(namespace, name)).map(codec::decode);
        } catch (StorageException e) {
            throw StorageErrors.map(e);
        }
    }

    /**
     * A LIST. {@code resourceVersion=0} is served from the watch cache (all matches, no paging, as
     * Kubernetes does); anything else is a consistent read from storage, page by page at one
     * revision, with selectors applied so a page holds up to {@code limit} matches.
     */
    public Page<T> list(String namespace, ListOptions options) {
        SelectionPredicate<T> predicate = predicate(options);
        String prefix = collectionPrefix(namespace);
        WatchCache<T> c = cache;
        if ("0".equals(options.resourceVersion()) && options.continueToken() == null && c != null && c.isReady()) {
            return c.list(prefix, predicate);
        }
        String token = options.continueToken();
        if (token != null) {
            try {
                ContinueToken.decode(token, prefix);
            } catch (IllegalArgumentException e) {
                throw ApiErrors.badRequest("continue key is not valid: " + e.getMessage());
            }
        }
        try {
            return predicate.everything() ? listAll(prefix, options.limit(), token) : listMatching(prefix, options.limit(), token, predicate);
        } catch (TooOldRevisionException e) {
            throw ApiErrors.expired("The provided continue parameter is too old to display a consistent list result. "
                    + "You can start a new list without the continue parameter.");
        } catch (StorageException e) {
            throw StorageErrors.map(e);
        }
    }

    private Page<T> listAll(String prefix, int limit, String token) throws StorageException {
        ListResult page = storage.list(prefix, limit, token);
        List<T> items = new ArrayList<>(page.items().size());
        for (KeyValue kv : page.items()) {
            items.add(codec.decode(kv));
        }
        return new Page<>(items, page.revision(), page.continueToken(),
                page.continueToken() == null ? null : page.remaining());
    }

    private Page<T> listMatching(String prefix, int limit, String token, SelectionPredicate<T> predicate)
            throws StorageException {
        List<T> items = new ArrayList<>();
        int chunk = limit == 0 ? 0 : Math.max(limit, 100);
        long revision = 0;
        while (true) {
            ListResult page = storage.list(prefix, chunk, token);
            revision = revision == 0 ? page.revision() : revision;
            List<KeyValue> kvs = page.items();
            for (int i = 0; i < kvs.size(); i++) {
                T obj = codec.decode(kvs.get(i));
                if (!predicate.matches(obj)) {
                    continue;
                }
                items.add(obj);
                if (limit > 0 && items.size() == limit) {
                    boolean more = i + 1 < kvs.size() || page.continueToken() != null;
                    String next = !more ? null : i + 1 < kvs.size()
                            ? new ContinueToken(page.revision(), kvs.get(i).key()).encode() : page.continueToken();
                    return new Page<>(items, revision, next, null);
                }
            }
            token = page.continueToken();
            if (token == null) {
                return new Page<>(items, revision, null, null);
            }
        }
    }

    // ---- create ---------------------------------------------------------------------------

    /**
     * Creates an object (its namespace already set): defaults, system metadata, the kind's
     * create rules, admission, validation (every error at once), allocation from shared pools,
     * then a create-if-absent. Nothing is stored, and nothing stays allocated, unless it all succeeds.
     */
    public T create(T obj) {
        return create(obj, false);
    }

    /**
     * A create; a dry run ({@code dryRun=All}) goes through every step but storing and allocating,
     * and answers the object that would be stored — without a resourceVersion, as Kubernetes does.
     */
    public T create(T obj, boolean dryRun) {
        T o = strategy.defaults(obj);
        o = withMeta(o, ObjectMetaRules.forCreate(o.metadataOrEmpty(), now()));
        o = strategy.prepareForCreate(o);
        admission.admit(resource, o);
        ObjectMeta meta = o.metadataOrEmpty();
        boolean generated = isEmpty(meta.name()) && !isEmpty(meta.generateName());
        for (int attempt = 1; ; attempt++) {
            T candidate = generated ? withMeta(o, meta.withName(generateName(meta.generateName()))) : o;
            List<FieldError> errors = strategy.validate(candidate);
            if (!errors.isEmpty()) {
                throw ApiErrors.invalid(resource, nameForMessage(candidate), errors);
            }
            T allocated = strategy.allocate(candidate, null, dryRun); // all or nothing: a 422 here reserved nothing
            String key = key(allocated.namespace(), allocated.name());
            try {
                if (dryRun) {
                    Optional<KeyValue> existing = storage.get(key);
                    if (existing.isPresent()) {
                        throw new KeyExistsException(existing.get());
                    }
                    return allocated;
                }
                KeyValue kv = handingOver(key, allocated, codec.encode(allocated),
                        bytes -> storage.create(key, bytes, strategy.ttl()));
                return codec.withResourceVersion(allocated, kv.modRevision());
            } catch (KeyExistsException e) {
                releaseUnlessDryRun(allocated, null, dryRun);
                if (generated && attempt < GENERATE_NAME_ATTEMPTS) {
                    continue; // a generated name collided: draw another, as Kubernetes does
                }
                throw ApiErrors.alreadyExists(groupResource, allocated.name());
            } catch (StorageException e) {
                releaseUnlessDryRun(allocated, null, dryRun);
                throw StorageErrors.map(e);
            } catch (RuntimeException e) {
                releaseUnlessDryRun(allocated, null, dryRun);
                throw e;
            }
        }
    }

    private void releaseUnlessDryRun(T holder, T keep, boolean dryRun) {
        if (!dryRun) {
            strategy.release(holder, keep);
        }
    }

    // ---- update ---------------------------------------------------------------------------

    /** Which part of an object a write may change. */
    public enum Target { MAIN, STATUS }

    /**
     * A PUT: {@code body} replaces the stored object, subject to the kind's rules. A body with a
     * resourceVersion is a conditional update (stale: 409); without one it is unconditional, done
     * as a read-modify-write that retries lost swaps — never a blind overwrite.
     */
    public Written<T> update(String namespace, String name, T body, Target target) {
        return update(namespace, name, body, target, false);
    }

    /** A PUT; a dry run answers what would be stored and stores nothing. */
    public Written<T> update(String namespace, String name, T body, Target target, boolean dryRun) {
        T createIfAbsent = target == Target.MAIN && strategy.allowCreateOnUpdate() ? body : null;
        return guaranteedWrite(namespace, name, createIfAbsent, current -> prepareUpdate(body, current, target), dryRun);
    }

    /** The object as written, and whether the write created it (a PUT of an absent endpoints, ...). */
    public record Written<T extends KubeObject>(T object, boolean created) {}

    /**
     * {@code body} as the successor of {@code current}: the resourceVersion precondition, system
     * metadata kept, the kind's update rules, generation bumped on a spec change, validation.
     */
    public T prepareUpdate(T body, T current, Target target) {
        String expected = body.metadataOrEmpty().resourceVersion();
        if (!isEmpty(expected) && !expected.equals(current.metadataOrEmpty().resourceVersion())) {
            throw ApiErrors.stale(groupResource, current.name());
        }
        T b = strategy.defaults(body);
        b = withMeta(b, ObjectMetaRules.forUpdate(b.metadataOrEmpty(), current.metadataOrEmpty()));
        if (isEmpty(expected)) {
            // An unconditional update is conditional on what was read (validation requires a resourceVersion).
            b = withMeta(b, b.metadataOrEmpty().withResourceVersion(current.metadataOrEmpty().resourceVersion()));
        }
        b = target == Target.STATUS ? strategy.prepareForStatusUpdate(b, current) : strategy.prepareForUpdate(b, current);
        if (target == Target.MAIN && specChanged(b, current)) {
            long generation = Objects.requireNonNullElse(current.metadataOrEmpty().generation(), 0L);
            b = withMeta(b, b.metadataOrEmpty().withGeneration(generation + 1));
        }
        List<FieldError> errors = target == Target.STATUS ? strategy.validateStatusUpdate(b, current)
                : strategy.validateUpdate(b, current);
        if (!errors.isEmpty()) {
            throw ApiErrors.invalid(resource, current.name(), errors);
        }
        return b;
    }

    /**
     * Read-modify-write with compare-and-swap, as Kubernetes' {@code GuaranteedUpdate}: reads the
     * object, applies {@code mutation}, swaps on the modRevision read, and on a lost swap starts
     * again from the newer state. An unchanged result is not written. An update that removes the
     * last finalizer of an object being deleted (grace period over) deletes it.
     *
     * @param createIfAbsent created instead when the object does not exist; null for 404
     */
    public T guaranteedUpdate(String namespace, String name, T createIfAbsent, Mutation<T> mutation) {
        return guaranteedUpdate(namespace, name, createIfAbsent, mutation, false);
    }

    /** As {@link #guaranteedUpdate(String, String, KubeObject, Mutation)}; a dry run stores nothing. */
    public T guaranteedUpdate(String namespace, String name, T createIfAbsent, Mutation<T> mutation, boolean dryRun) {
        return guaranteedWrite(namespace, name, createIfAbsent, mutation, dryRun).object();
    }

    /**
     * The loop: a lost swap gives back what the attempt allocated, a won one what the update
     * dropped (a service turned ClusterIP frees its node ports).
     */
    private Written<T> guaranteedWrite(String namespace, String name, T createIfAbsent, Mutation<T> mutation,
            boolean dryRun) {
        String key = key(namespace, name);
        KeyValue kv = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (kv == null) {
                    Optional<KeyValue> found = storage.get(key);
                    if (found.isEmpty()) {
                        if (createIfAbsent == null) {
                            throw ApiErrors.notFound(groupResource, name);
                        }
                        try {
                            return new Written<>(create(createIfAbsent, dryRun), true);
                        } catch (ApiException e) {
                            if (!e.reason().equals(io.skiff.api.meta.Status.REASON_ALREADY_EXISTS)) {
                                throw e;
                            }
                            continue; // created meanwhile: update it instead
                        }
                    }
                    kv = found.get();
                }
                T current = codec.decode(kv);
                T updated = mutation.apply(current);
                if (Arrays.equals(codec.encode(updated), kv.value())) {
                    return new Written<>(current, false);
                }
                if (deletesOnUpdate(updated)) {
                    if (dryRun) {
                        return new Written<>(updated, false);
                    }
                    storage.delete(key, kv.modRevision());
                    strategy.release(current, null);
                    return new Written<>(updated, false);
                }
                T allocated = strategy.allocate(updated, current, dryRun);
                if (dryRun) {
                    return new Written<>(codec.withResourceVersion(allocated, kv.modRevision()), false);
                }
                KeyValue written;
                try {
                    long expected = kv.modRevision();
                    written = handingOver(key, allocated, codec.encode(allocated),
                            bytes -> storage.update(key, bytes, expected, strategy.ttl()));
                } catch (StorageException | RuntimeException e) {
                    strategy.release(allocated, current); // what this attempt reserved
                    throw e;
                }
                strategy.release(current, allocated); // what the update no longer needs
                return new Written<>(codec.withResourceVersion(allocated, written.modRevision()), false);
            } catch (ConflictException e) {
                if (attempt >= MAX_SWAP_ATTEMPTS) {
                    throw ApiErrors.stale(groupResource, name);
                }
                kv = e.current(); // the swap lost: go again from what is stored now
            } catch (KeyNotFoundException e) {
                kv = null; // deleted meanwhile: the next read says 404 (or creates)
                if (attempt >= MAX_SWAP_ATTEMPTS) {
                    throw ApiErrors.notFound(groupResource, name);
                }
            } catch (StorageException e) {
                throw StorageErrors.map(e);
            }
        }
    }

    private boolean deletesOnUpdate(T updated) {
        ObjectMeta m = updated.metadataOrEmpty();
        return m.deletionTimestamp() != null && (m.finalizers() == null || m.finalizers().isEmpty())
                && !strategy.finalizing(updated)
                && (m.deletionGracePeriodSeconds() == null || m.deletionGracePeriodSeconds() == 0);
    }

    private boolean specChanged(T a, T b) {
        Object specA = strategy.spec(a);
        Object specB = strategy.spec(b);
        if (specA == null && specB == null) {
            return false;
        }
        JsonNode treeA = specA == null ? null : Json.toTree(specA);
        JsonNode treeB = specB == null ? null : Json.toTree(specB);
        return !Objects.equals(treeA, treeB);
    }

    // ---- delete ---------------------------------------------------------------------------

    /**
     * A DELETE, as Kubernetes' store does it: preconditions; a grace period (pods bound to a node)
     * or finalizers (including {@code orphan} / {@code foregroundDeletion} added for the
     * propagation policy) make it pending — the object stays, with deletionTimestamp set, until
     * the grace period is cut to 0 and the finalizers are gone; otherwise the key is deleted at
     * once. Every step is a compare-and-swap.
     */
    public DeleteResult<T> delete(String namespace, String name, DeleteOptions options) {
        DeleteOptions opts = options == null ? new DeleteOptions(null, null, null, null, null) : options;
        // A dry run (DeleteOptions.dryRun [All], checked by the caller) decides the same and writes nothing.
        boolean dryRun = opts.dryRun() != null && !opts.dryRun().isEmpty();
        String key = key(namespace, name);
        KeyValue kv = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (kv == null) {
                    kv = storage.get(key).orElseThrow(() -> ApiErrors.notFound(groupResource, name));
                }
                T current = codec.decode(kv);
                DeletionRules.checkPreconditions(groupResource, current, opts.preconditions());
                strategy.checkDelete(current);
                T pending = DeletionRules.pendingDeletion(strategy, current, opts, now());
                DeleteResult<T> result;
                if (dryRun) {
                    return pending == null ? new DeleteResult<>(current, true) : new DeleteResult<>(pending, false);
                }
                if (pending == null) {
                    KeyValue deleted = storage.delete(key, kv.modRevision());
                    strategy.release(current, null);
                    result = new DeleteResult<>(codec.decode(deleted), true);
                } else {
                    byte[] bytes = codec.encode(pending);
                    if (Arrays.equals(bytes, kv.value())) {
                        result = new DeleteResult<>(current, false);
                    } else {
                        long expected = kv.modRevision();
                        KeyValue written = handingOver(key, pending, bytes,
                                b -> storage.update(key, b, expected, strategy.ttl()));
                        result = new DeleteResult<>(codec.withResourceVersion(pending, written.modRevision()), false);
                    }
                }
                strategy.afterDelete(result.object(), result.deleted());
                return result;
            } catch (ConflictException e) {
                if (attempt >= MAX_SWAP_ATTEMPTS) {
                    throw ApiErrors.stale(groupResource, name);
                }
                kv = e.current();
            } catch (KeyNotFoundException e) {
                throw ApiErrors.notFound(groupResource, name);
            } catch (StorageException e) {
                throw StorageErrors.map(e);
            }
        }
    }

    /** DELETE on a collection: each matching object as a DELETE would, skipping those gone meanwhile. */
    public List<T> deleteCollection(String namespace, ListOptions listOptions, DeleteOptions options) {
        List<T> out = new ArrayList<>();
        for (T obj : list(namespace, new ListOptions(listOptions.labels(), listOptions.fields(), "", 0, null)).items()) {
            try {
                out.add(delete(obj.namespace(), obj.name(), options).object());
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private T withMeta(T obj, ObjectMeta meta) {
        return (T) obj.withMetadata(meta);
    }

    /** One storage write of {@code bytes}. */
    private interface StorageWrite {
        KeyValue write(byte[] bytes) throws StorageException;
    }

    /**
     * Writes {@code bytes} (the encoding of {@code obj}) to {@code key}, handing the object to the
     * watch cache first, so the event of this write is not decoded again.
     */
    private KeyValue handingOver(String key, T obj, byte[] bytes, StorageWrite write) throws StorageException {
        WatchCache<T> c = cache;
        WatchCache.Writing<T> handed = c == null ? null : c.writing(key, bytes, obj);
        try {
            return write.write(bytes);
        } catch (StorageException | RuntimeException e) {
            if (c != null) {
                c.writeFailed(key, handed);
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static String generateName(String prefix) {
        String p = prefix.length() > MAX_GENERATE_NAME_PREFIX ? prefix.substring(0, MAX_GENERATE_NAME_PREFIX) : prefix;
        StringBuilder sb = new StringBuilder(p);
        for (int i = 0; i < GENERATED_SUFFIX; i++) {
            sb.append(NAME_ALPHABET[RANDOM.nextInt(NAME_ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String nameForMessage(KubeObject obj) {
        ObjectMeta m = obj.metadataOrEmpty();
        return !isEmpty(m.name()) ? m.name() : Objects.requireNonNullElse(m.generateName(), "");
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
