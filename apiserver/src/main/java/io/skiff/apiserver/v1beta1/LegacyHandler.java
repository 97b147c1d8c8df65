package io.skiff.apiserver.v1beta1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.skiff.api.codec.Json;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.KubeObject;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.Status;
import io.skiff.api.v1beta1.V1beta1;
import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.apiserver.registry.DeleteResult;
import io.skiff.apiserver.registry.Registry;
import io.skiff.apiserver.rest.BodyDecoder;
import io.skiff.apiserver.rest.RequestBody;
import io.skiff.apiserver.v1beta1.Operation.Outcome;
import io.skiff.apiserver.v1beta1.PodWaiter.Goal;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The verbs of the 2014 API on one resource — list, get, create, update, delete — over the same
 * registry {@code /api/v1} uses, and the long operations of pod writes: with {@code sync=true}
 * the answer waits until the pod runs (or is gone); past {@code timeout} it is 202 with a
 * Working status naming an operation the client polls at {@code /operations/{id}}.
 */
final class LegacyHandler {
    private final LegacyWire wire;
    private final BodyDecoder decoder;
    private final LegacyUpdate updates;
    private final Operations operations;
    private final PodWaiter waiter;
    private final V1beta1Options options;
    private final long maxRequestBytes;

    LegacyHandler(Scheme scheme, LegacyWire wire, Operations operations, PodWaiter waiter, V1beta1Options options,
            long maxRequestBytes) {
        this.wire = wire;
        this.decoder = new BodyDecoder(scheme);
        this.updates = new LegacyUpdate(scheme, decoder);
        this.operations = operations;
        this.waiter = waiter;
        this.options = options;
        this.maxRequestBytes = maxRequestBytes;
    }

    <T extends KubeObject> void list(Context ctx, LegacyResource<T> r) {
        String ns = LegacyParams.namespace(ctx, r, null);
        LegacyWire.write(ctx, 200, wire.list(r, ns, r.registry().list(ns, LegacyParams.selection(ctx, r, ""))));
    }

    <T extends KubeObject> void get(Context ctx, LegacyResource<T> r) {
        String name = LegacyParams.name(ctx);
        String ns = LegacyParams.namespace(ctx, r, null);
        LegacyWire.write(ctx, 200, wire.object(r, r.registry().get(ns, name)));
    }

    <T extends KubeObject> void create(Context ctx, LegacyResource<T> r) throws InterruptedException {
        T body = decode(ctx, r);
        String ns = LegacyParams.namespace(ctx, r, body.namespace());
        T obj = withMeta(body, body.metadataOrEmpty().withNamespace(r.namespaced() ? ns : null));
        if (!r.isPods() || !LegacyParams.sync(ctx)) {
            LegacyWire.write(ctx, 201, wire.object(r, r.registry().create(obj)));
            return;
        }
        Registry<Pod> pods = podsOf(r);
        operation(ctx, r, 201, () -> {
            Pod created = pods.create((Pod) obj);
            return new Write(created.namespace(), created.name(), revision(created), Goal.RUNNING, created);
        });
    }

    <T extends KubeObject> void update(Context ctx, LegacyResource<T> r) throws InterruptedException {
        String name = LegacyParams.name(ctx);
        T body = decode(ctx, r);
        String ns = LegacyParams.namespace(ctx, r, body.namespace());
        ObjectMeta meta = body.metadataOrEmpty();
        if (meta.name() != null && !meta.name().isEmpty() && !meta.name().equals(name)) {
            throw ApiErrors.badRequest("the id of the object (" + meta.name() + ") does not match the id in the path ("
                    + name + ")");
        }
        T obj = withMeta(body, meta.withName(name).withNamespace(r.namespaced() ? ns : null));
        Supplier<T> write = () -> r.registry().guaranteedUpdate(ns, name, null,
                current -> r.registry().prepareUpdate(updates.merge(r, current, obj), current, Registry.Target.MAIN));
        if (!r.isPods() || !LegacyParams.sync(ctx)) {
            LegacyWire.write(ctx, 200, wire.object(r, write.get()));
            return;
        }
        operation(ctx, r, 200, () -> {
            Pod updated = (Pod) write.get();
            return new Write(ns, name, revision(updated), Goal.RUNNING, updated);
        });
    }

    <T extends KubeObject> void delete(Context ctx, LegacyResource<T> r) throws InterruptedException {
        String name = LegacyParams.name(ctx);
        String ns = LegacyParams.namespace(ctx, r, null);
        if (!r.isPods() || !LegacyParams.sync(ctx)) {
            r.registry().delete(ns, name, null);
            LegacyWire.write(ctx, 200, wire.status(r, Status.success()));
            return;
        }
        Registry<Pod> pods = podsOf(r);
        operation(ctx, r, 200, () -> {
            DeleteResult<Pod> result = pods.delete(ns, name, null);
            return new Write(ns, name, revision(result.object()), Goal.GONE, result.deleted() ? null : result.object());
        });
    }

    /** {@code GET /operations}: the pending operations, as v0.5's ServerOpList. */
    void listOperations(Context ctx) {
        ObjectNode list = Json.mapper().createObjectNode();
        list.put("kind", "ServerOpList");
        list.put("apiVersion", V1beta1.API_VERSION);
        list.put("selfLink", V1beta1Api.PREFIX + "/operations");
        ArrayNode items = list.putArray("items");
        for (Operation op : operations.pending()) {
            ObjectNode item = items.addObject();
            item.put("kind", "ServerOp");
            item.put("id", Long.toString(op.id()));
            item.put("creationTimestamp", op.created().toString());
            item.put("selfLink", V1beta1Api.PREFIX + "/operations/" + op.id());
            item.put("apiVersion", V1beta1.API_VERSION);
        }
        LegacyWire.write(ctx, 200, list);
    }

    /** {@code GET /operations/{id}}: 202 Working while pending, 200 with the result when done, 404 once expired. */
    void getOperation(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Operation> op = Optional.empty();
        try {
            op = operations.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // not one of ours: 404 as any unknown id
        }
        Operation found = op.orElseThrow(() -> new ApiException(Status.failure(404, Status.REASON_NOT_FOUND,
                "operation \"" + id + "\" not found", new io.skiff.api.meta.StatusDetails(id, null, "operation", null,
                        null, null))));
        Optional<Outcome> outcome = found.result();
        if (outcome.isEmpty()) {
            LegacyWire.write(ctx, 202, wire.working(found.id(), found.description()));
        } else {
            Outcome o = outcome.get();
            LegacyWire.write(ctx, o.succeeded() ? 200 : o.code(), o.body());
        }
    }

    /** A pod write and what its operation then waits for (already reached when {@code settled} says so). */
    private record Write(String namespace, String name, long revision, Goal goal, Pod written) {}

    /**
     * Runs a pod write as a long operation: registers it (429 before writing when the table is
     * full), writes, waits on a virtual thread for the goal, and answers with the outcome if it
     * comes within the request's timeout, else 202 Working with the operation's id.
     */
    private void operation(Context ctx, LegacyResource<?> r, int doneCode, Supplier<Write> write)
            throws InterruptedException {
        Duration timeout = LegacyParams.timeout(ctx, options.defaultSyncTimeout(), options.maxOperationWait());
        Operation op = operations.open();
        Write w;
        try {
            w = write.get();
        } catch (RuntimeException e) {
            operations.discard(op);
            throw e;
        }
        op.describe("pod " + w.name() + (w.goal() == Goal.RUNNING ? " is not running yet" : " is not gone yet"));
        boolean reached = w.goal() == Goal.GONE ? w.written() == null : PodWaiter.settled(w.written());
        if (reached) {
            op.finish(outcome(r, doneCode, new PodWaiter.Result.Reached(w.written())));
        } else {
            Thread.ofVirtual().name("v1beta1-operation-" + op.id()).start(() -> op.finish(outcome(r, doneCode,
                    waiter.await(w.namespace(), w.name(), w.revision(), w.goal(), options.maxOperationWait()))));
        }
        Optional<Outcome> done = op.await(timeout);
        if (done.isPresent()) {
            LegacyWire.write(ctx, done.get().code(), done.get().body());
        } else {
            LegacyWire.write(ctx, 202, wire.working(op.id(), op.description()));
        }
    }

    private Outcome outcome(LegacyResource<?> r, int doneCode, PodWaiter.Result result) {
        return switch (result) {
            case PodWaiter.Result.Reached reached -> reached.pod() == null
                    ? new Outcome(200, wire.status(r, Status.success()))
                    : new Outcome(doneCode, wire.object(r, reached.pod()));
            case PodWaiter.Result.Failed failed -> new Outcome(failed.error().code(),
                    wire.status(r, failed.error().status()));
        };
    }

    private <T extends KubeObject> T decode(Context ctx, LegacyResource<T> r) {
        RequestBody body;
        try {
            body = RequestBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                    ctx.header("Content-Type"), maxRequestBytes);
        } catch (IOException e) {
            throw ApiErrors.badRequest("cannot read the request body: " + e.getMessage());
        }
        return decoder.decode(body, V1beta1.API_VERSION, r.wireKind(), r.type());
    }

    @SuppressWarnings("unchecked")
    private static Registry<Pod> podsOf(LegacyResource<?> r) {
        return (Registry<Pod>) r.registry();
    }

    private static long revision(KubeObject obj) {
        String rv = obj.metadataOrEmpty().resourceVersion();
        return rv == null || rv.isEmpty() ? 0 : Long.parseLong(rv);
    }

    @SuppressWarnings("unchecked")
    private static <T extends KubeObject> T withMeta(T obj, ObjectMeta meta) {
        return (T) obj.withMetadata(meta);
    }
}
