package io.skiff.client;

import io.skiff.api.codec.DecodeException;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.DeleteOptions;
import io.skiff.api.meta.KubeList;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ListMeta;
import io.skiff.api.meta.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Typed REST verbs for one resource in one namespace (or, for a namespaced resource with a null
 * namespace, across all namespaces: list and watch only). Obtained from {@link SkiffClient}, e.g.
 * {@code client.pods("default")}; cheap, immutable and thread-safe.
 */
public class ResourceClient<T extends KubeObject> {
    /** Pages of this size when {@link #listAll} is not given a limit. */
    public static final long DEFAULT_PAGE_SIZE = 500;

    protected final RestClient rest;
    protected final Scheme scheme;
    protected final ResourceInfo info;
    protected final Class<T> type;
    protected final String namespace;

    protected ResourceClient(RestClient rest, Scheme scheme, ResourceInfo info, Class<T> type, String namespace) {
        if (!info.namespaced() && namespace != null) {
            throw new IllegalArgumentException(info.plural() + " are cluster-scoped: no namespace \"" + namespace + "\"");
        }
        this.rest = rest;
        this.scheme = scheme;
        this.info = info;
        this.type = type;
        this.namespace = namespace;
    }

    public ResourceInfo resource() {
        return info;
    }

    public Class<T> type() {
        return type;
    }

    /** The namespace, or null for a cluster-scoped resource or an all-namespaces client. */
    public String namespace() {
        return namespace;
    }

    // ---- reads ----------------------------------------------------------------------------

    /** The object; {@link ApiException} with {@code isNotFound()} when there is none. */
    public T get(String name) {
        return decode(rest.send(RestClient.Request.get(path(ns(), name, null), Map.of())), type);
    }

    /** The object, or empty when it does not exist. */
    public Optional<T> find(String name) {
        try {
            return Optional.of(get(name));
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public KubeList<T> list() {
        return list(ListOptions.NONE);
    }

    /** One LIST request: one page when {@code options.limit} is set (see {@code metadata.continue}). */
    public KubeList<T> list(ListOptions options) {
        ApiObject obj = decode(rest.send(RestClient.Request.get(collectionPath(), options.toQuery())), ApiObject.class);
        if (!(obj instanceof KubeList<?> list)) {
            throw unexpected("a " + info.listKind(), obj);
        }
        List<T> items = new ArrayList<>(list.items() == null ? 0 : list.items().size());
        if (list.items() != null) {
            for (Object item : list.items()) {
                items.add(type.cast(item));
            }
        }
        return new KubeList<>(list.apiVersion(), list.kind(), list.metadata() == null ? ListMeta.EMPTY : list.metadata(),
                items);
    }

    /**
     * Every item, fetched in pages of {@code options.limit} (default {@value #DEFAULT_PAGE_SIZE})
     * following {@code continue}: all pages come from one consistent snapshot, whose
     * resourceVersion the result carries. If the snapshot expires mid-way (410), it starts over
     * with a single unpaged list, as client-go's pager does.
     */
    public KubeList<T> listAll(ListOptions options) {
        ListOptions page = options.withLimit(options.limit() == null ? DEFAULT_PAGE_SIZE : options.limit())
                .withContinue(null);
        List<T> items = new ArrayList<>();
        KubeList<T> last;
        while (true) {
            try {
                last = list(page);
            } catch (ApiException e) {
                if (e.isGone() && page.continueToken() != null) {
                    return list(options.withLimit(null).withContinue(null));
                }
                throw e;
            }
            items.addAll(last.items());
            String next = last.metadata().continueToken();
            if (next == null || next.isEmpty()) {
                break;
            }
            page = page.withContinue(next);
        }
        return new KubeList<>(last.apiVersion(), last.kind(),
                new ListMeta(last.metadata().resourceVersion(), null, null), items);
    }

    public KubeList<T> listAll() {
        return listAll(ListOptions.NONE);
    }

    /**
     * Opens a WATCH ({@code ?watch=true}) with the options' selectors, {@code resourceVersion},
     * {@code timeoutSeconds} and {@code allowWatchBookmarks}. Returns once the server has
     * answered with its headers; a refused watch (410 for a compacted resourceVersion) throws.
     */
    public Watch<T> watch(ListOptions options) {
        Map<String, String> q = new java.util.LinkedHashMap<>(options.withLimit(null).withContinue(null).toQuery());
        q.put("watch", "true");
        return new StreamWatch<>(type, scheme, rest.config().server(),
                rest.openStream(RestClient.Request.get(collectionPath(), q)));
    }

    // ---- writes ---------------------------------------------------------------------------

    /** POSTs the object to its namespace (this client's, or the object's for an all-namespaces client). */
    public T create(T obj) {
        String ns = namespaceOf(obj);
        return decode(rest.send(RestClient.Request.withBody("POST", path(ns, null, null), Map.of(),
                scheme.encode(obj), "application/json")), type);
    }

    /** PUTs the object: a compare-and-swap on its {@code metadata.resourceVersion} (409 Conflict if stale). */
    public T update(T obj) {
        return put(obj, null);
    }

    /** PUTs the object's status through {@code /status}; the server keeps the stored spec. */
    public T updateStatus(T obj) {
        requireSubresource("status");
        return put(obj, "status");
    }

    /**
     * Read-modify-write until it sticks: gets the object, applies {@code change} to it and
     * updates; on 409 Conflict it reads again and re-applies, with jittered back-off, for up
     * to {@link RetryOnConflict#DEFAULT_MAX_WAIT}. {@code change} must be a pure function of its
     * argument (it may run several times); returning null or an equal object writes nothing.
     *
     * @return the object as stored after the change
     */
    public T updateWithRetry(String name, UnaryOperator<T> change) {
        return RetryOnConflict.run(RetryOnConflict.DEFAULT_MAX_WAIT, () -> apply(name, change, false));
    }

    public T updateWithRetry(String name, UnaryOperator<T> change, Duration maxWait) {
        return RetryOnConflict.run(maxWait, () -> apply(name, change, false));
    }

    /** As {@link #updateWithRetry} but writing through {@code /status}. */
    public T updateStatusWithRetry(String name, UnaryOperator<T> change) {
        requireSubresource("status");
        return RetryOnConflict.run(RetryOnConflict.DEFAULT_MAX_WAIT, () -> apply(name, change, true));
    }

    /** PATCHes the object with a body of the given type (a JSON text). */
    public T patch(String name, PatchType patchType, String patch) {
        return patch(name, patchType, patch, null);
    }

    /** PATCHes the object's status ({@code /status}). */
    public T patchStatus(String name, PatchType patchType, String patch) {
        requireSubresource("status");
        return patch(name, patchType, patch, "status");
    }

    /** Deletes with the server's defaults; see {@link #delete(String, DeleteOptions)}. */
    public Optional<T> delete(String name) {
        return delete(name, null);
    }

    /**
     * DELETE with optional {@link DeleteOptions} (grace period, propagation policy,
     * preconditions). Returns the object as the server answered it (a pod still terminating
     * gracefully carries its {@code deletionTimestamp}), or empty when it answered a Status.
     */
    public Optional<T> delete(String name, DeleteOptions options) {
        byte[] body = options == null ? null : Json.toBytes(options);
        ApiObject answer = decode(rest.send(RestClient.Request.withBody("DELETE", path(ns(), name, null), Map.of(),
                body, body == null ? null : "application/json")), ApiObject.class);
        return type.isInstance(answer) ? Optional.of(type.cast(answer)) : Optional.empty();
    }

    // ---- plumbing -------------------------------------------------------------------------

    private T apply(String name, UnaryOperator<T> change, boolean status) {
        T current = get(name);
        T changed = change.apply(current);
        if (changed == null || changed.equals(current)) {
            return current;
        }
        return status ? updateStatus(changed) : update(changed);
    }

    private T put(T obj, String subresource) {
        Objects.requireNonNull(obj.name(), "metadata.name is required to update");
        return decode(rest.send(RestClient.Request.withBody("PUT", path(namespaceOf(obj), obj.name(), subresource),
                Map.of(), scheme.encode(obj), "application/json")), type);
    }

    private T patch(String name, PatchType patchType, String patch, String subresource) {
        return decode(rest.send(RestClient.Request.withBody("PATCH", path(ns(), name, subresource), Map.of(),
                patch.getBytes(StandardCharsets.UTF_8), patchType.contentType())), type);
    }

    /** {@code /api/v1} for the core group, {@code /apis/group/version} otherwise. */
    protected String groupPath() {
        return info.group().isEmpty() ? "/api/" + info.version() : "/apis/" + info.group() + "/" + info.version();
    }

    /** The collection: {@code .../namespaces/ns/pods}, or {@code .../pods} across namespaces. */
    protected String collectionPath() {
        return namespace == null ? groupPath() + "/" + info.plural() : path(namespace, null, null);
    }

    protected String path(String ns, String name, String subresource) {
        StringBuilder sb = new StringBuilder(groupPath());
        if (info.namespaced()) {
            sb.append("/namespaces/").append(segment(ns, "namespace"));
        }
        sb.append('/').append(info.plural());
        if (name != null) {
            sb.append('/').append(segment(name, "name"));
        }
        if (subresource != null) {
            sb.append('/').append(subresource);
        }
        return sb.toString();
    }

    /** The namespace a single-object verb uses: this client's, which must be set for those. */
    protected String ns() {
        if (info.namespaced() && namespace == null) {
            throw new IllegalStateException(info.plural() + " of all namespaces can only be listed and watched;"
                    + " name a namespace to get, update or delete one");
        }
        return namespace;
    }

    /** Where an object goes: this client's namespace; the object's must agree when it names one. */
    protected String namespaceOf(T obj) {
        if (!info.namespaced()) {
            return null;
        }
        String own = obj.namespace();
        if (namespace == null) {
            if (own == null || own.isEmpty()) {
                throw new IllegalArgumentException("the " + info.kind() + " names no namespace and the client"
                        + " is for all namespaces");
            }
            return own;
        }
        if (own != null && !own.isEmpty() && !own.equals(namespace)) {
            throw new IllegalArgumentException("the namespace of the " + info.kind() + " (\"" + own
                    + "\") does not match the client's (\"" + namespace + "\")");
        }
        return namespace;
    }

    protected void requireSubresource(String name) {
        if (info.subresource(name) == null) {
            throw new UnsupportedOperationException(info.plural() + " have no " + name + " subresource");
        }
    }

    protected <R extends ApiObject> R decode(byte[] body, Class<R> as) {
        ApiObject obj;
        try {
            obj = scheme.decode(body);
        } catch (DecodeException e) {
            throw new ApiException(Status.failure(500, Status.REASON_INTERNAL_ERROR,
                    "undecodable answer from " + rest.config().server() + ": " + e.getMessage(), null));
        }
        if (!as.isInstance(obj)) {
            throw unexpected("a " + as.getSimpleName(), obj);
        }
        return as.cast(obj);
    }

    private ApiException unexpected(String wanted, ApiObject got) {
        return new ApiException(Status.failure(500, Status.REASON_INTERNAL_ERROR,
                "expected " + wanted + " from " + rest.config().server() + ", got a " + got.kind(), null));
    }

    private static String segment(String s, String what) {
        if (s == null || s.isEmpty() || s.contains("/") || s.equals(".") || s.equals("..")) {
            throw new IllegalArgumentException("invalid " + what + " \"" + s + "\"");
        }
        // Names are DNS labels; anything else still reaches the server, which says what is wrong.
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
