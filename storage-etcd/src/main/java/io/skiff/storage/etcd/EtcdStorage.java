package io.skiff.storage.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.skiff.storage.ConflictException;
import io.skiff.storage.KeyExistsException;
import io.skiff.storage.KeyNotFoundException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.ListResult;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageOptions;
import io.skiff.storage.StorageUnavailableException;
import io.skiff.storage.TooOldRevisionException;
import io.skiff.storage.Watch;
import io.skiff.storage.WatchListener;
import io.skiff.storage.support.ContinueToken;
import io.skiff.storage.support.Keys;
import io.skiff.storage.support.PeriodicCompactor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} on etcd v3 through jetcd: a thin mapping, since the model is etcd's own.
 * Compare-and-swap is a transaction on {@code mod_revision} (create: {@code create_revision == 0})
 * whose else branch reads the current object, so a Conflict carries it without a second call.
 * Every unary call has a gRPC deadline and a bounded wait; watches resume on their own after a
 * member failure (see {@link EtcdWatch}).
 */
public final class EtcdStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(EtcdStorage.class);
    private static final ByteSequence NUL = ByteSequence.from(new byte[] {0});

    private final Client client;
    private final KV kv;
    private final Duration timeout;
    private final String endpoints;
    private final EtcdLeases leases;
    private final ScheduledExecutorService scheduler;
    private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
    private final PeriodicCompactor compactor;
    private volatile boolean closed;

    public static EtcdStorage open(StorageOptions options) throws StorageException {
        return new EtcdStorage(options);
    }

    private EtcdStorage(StorageOptions options) throws StorageException {
        this.timeout = options.requestTimeout();
        this.endpoints = options.etcdServers().toString();
        this.client = buildClient(options);
        this.kv = client.getKVClient();
        this.leases = new EtcdLeases(client.getLeaseClient(), timeout);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("etcd-storage").factory());
        try {
            long revision = currentRevision(); // fail now, clearly, when etcd cannot be reached
            log.info("connected to etcd {} at revision {}", endpoints, revision);
        } catch (StorageException e) {
            close();
            throw e;
        }
        this.compactor = options.compactionRetention().isZero() ? null
                : new PeriodicCompactor(this, options.compactionRetention(), "etcd");
    }

    private static Client buildClient(StorageOptions options) {
        long timeoutMillis = options.requestTimeout().toMillis();
        ClientBuilder builder = EtcdClients.builder(new DeadlineInterceptor(timeoutMillis))
                .endpoints(options.etcdServers().toArray(URI[]::new))
                // lists of large objects exceed gRPC's 4 MiB default
                .maxInboundMessageSize(Integer.MAX_VALUE)
                // detect a member that vanished without closing the connection (a partition):
                // gRPC's floor is 10 s, etcd's default minimum ping interval 5 s
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(3));
        if (options.etcdUsername() != null) {
            builder.user(ByteSequence.from(options.etcdUsername(), StandardCharsets.UTF_8))
                    .password(ByteSequence.from(options.etcdPassword(), StandardCharsets.UTF_8));
        }
        if (options.etcdCaFile() != null || options.etcdCertFile() != null) {
            try {
                builder.sslContext(ssl -> {
                    if (options.etcdCaFile() != null) {
                        ssl.trustManager(options.etcdCaFile().toFile());
                    }
                    if (options.etcdCertFile() != null) {
                        ssl.keyManager(options.etcdCertFile().toFile(), options.etcdKeyFile().toFile());
                    }
                });
            } catch (SSLException | RuntimeException e) {
                throw new IllegalArgumentException("cannot load the etcd TLS files: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** A deadline on every unary call, so the server gives up too; streams (watch) have none. */
    private record DeadlineInterceptor(long millis) implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
                options = options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
            }
            return next.newCall(method, options);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<KeyValue> get(String key) throws StorageException {
        ByteSequence k = ByteSequence.from(Keys.key(key));
        ensureOpen();
        GetResponse response = EtcdErrors.await(kv.get(k), timeout, "get " + key);
        return response.getKvs().isEmpty() ? Optional.empty() : Optional.of(keyValue(response.getKvs().getFirst()));
    }

    @Override
    public ListResult list(String prefix, int limit, String continueToken) throws StorageException {
        byte[] prefixBytes = Keys.prefix(prefix);
        Keys.limit(limit);
        ContinueToken token = continueToken == null ? null : ContinueToken.decode(continueToken, prefix);
        ensureOpen();
        byte[] from;
        if (token == null) {
            from = prefixBytes.length == 0 ? new byte[] {0} : prefixBytes;
        } else {
            byte[] last = Keys.key(token.lastKey());
            from = java.util.Arrays.copyOf(last, last.length + 1); // the smallest key after `last`
        }
        byte[] end = Keys.prefixEnd(prefixBytes);
        GetOption.Builder option = GetOption.builder()
                .withRange(end == null ? NUL : ByteSequence.from(end))
                .withLimit(limit)
                .withRevision(token == null ? 0 : token.revision());
        GetResponse response = EtcdErrors.await(kv.get(ByteSequence.from(from), option.build()), timeout,
                "list " + prefix, token == null ? 0 : token.revision());
        long revision = token == null ? response.getHeader().getRevision() : token.revision();
        List<KeyValue> items = new ArrayList<>(response.getKvs().size());
        for (io.etcd.jetcd.KeyValue item : response.getKvs()) {
            items.add(keyValue(item));
        }
        if (!response.isMore() || items.isEmpty()) {
            return new ListResult(items, revision, null, 0);
        }
        String next = new ContinueToken(revision, items.getLast().key()).encode();
        return new ListResult(items, revision, next, response.getCount() - items.size());
    }

    @Override
    public long currentRevision() throws StorageException {
        ensureOpen();
        GetOption countOnly = GetOption.builder().withCountOnly(true).build();
        return EtcdErrors.await(kv.get(NUL, countOnly), timeout, "revision").getHeader().getRevision();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public KeyValue create(String key, byte[] value, Duration ttl) throws StorageException {
        ByteSequence k = ByteSequence.from(Keys.key(key));
        ByteSequence v = ByteSequence.from(Keys.value(value));
        long ttlSeconds = Keys.ttlSeconds(ttl);
        ensureOpen();
        TxnResponse response = withLease(ttlSeconds, false, put -> kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(k, v, put))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), "create " + key);
        if (!response.isSucceeded()) {
            throw new KeyExistsException(current(response, key));
        }
        long revision = response.getHeader().getRevision();
        return new KeyValue(key, v.getBytes(), revision, revision);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision, Duration ttl) throws StorageException {
        ByteSequence k = ByteSequence.from(Keys.key(key));
        ByteSequence v = ByteSequence.from(Keys.value(value));
        Keys.expectedRevision(expectedModRevision, false);
        long ttlSeconds = Keys.ttlSeconds(ttl);
        ensureOpen();
        TxnResponse response = withLease(ttlSeconds, true, put -> kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                .Then(Op.put(k, v, put))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), "update " + key);
        if (!response.isSucceeded()) {
            throw new ConflictException(expectedModRevision, current(response, key));
        }
        io.etcd.jetcd.KeyValue prev = response.getPutResponses().getFirst().getPrevKv();
        return new KeyValue(key, v.getBytes(), prev.getCreateRevision(), response.getHeader().getRevision());
    }

    /**
     * Runs a put transaction with the put options it needs (prevKV, a lease for a TTL). A shared
     * lease can be gone (revoked, or etcd restored from a backup): then a fresh one is taken, once.
     */
    private TxnResponse withLease(long ttlSeconds, boolean prevKv,
                                  Function<PutOption, CompletableFuture<TxnResponse>> txn, String what)
            throws StorageException {
        for (int attempt = 0; ; attempt++) {
            PutOption.Builder put = PutOption.builder();
            if (prevKv) {
                put.withPrevKV(); // an update returns the create revision, which only the previous version has
            }
            if (ttlSeconds > 0) {
                put.withLeaseId(leases.leaseFor(ttlSeconds));
            }
            try {
                return EtcdErrors.await(txn.apply(put.build()), timeout, what);
            } catch (StorageException e) {
                if (ttlSeconds == 0 || attempt > 0 || !String.valueOf(e.getMessage()).contains("lease not found")) {
                    throw e;
                }
                leases.forget(ttlSeconds);
            }
        }
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) throws StorageException {
        ByteSequence k = ByteSequence.from(Keys.key(key));
        Keys.expectedRevision(expectedModRevision, true);
        ensureOpen();
        Cmp condition = expectedModRevision == 0
                ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.createRevision(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        TxnResponse response = EtcdErrors.await(kv.txn()
                .If(condition)
                .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), timeout, "delete " + key);
        if (!response.isSucceeded()) {
            throw new ConflictException(expectedModRevision, current(response, key));
        }
        List<io.etcd.jetcd.KeyValue> deleted = response.getDeleteResponses().getFirst().getPrevKvs();
        if (deleted.isEmpty()) {
            throw new KeyNotFoundException(key); // deleted between compare and delete: cannot happen in one txn
        }
        return keyValue(deleted.getFirst());
    }

    /** The else branch's read: the object as it is now; absent means there is nothing to compare. */
    private static KeyValue current(TxnResponse response, String key) throws KeyNotFoundException {
        List<io.etcd.jetcd.KeyValue> found = response.getGetResponses().getFirst().getKvs();
        if (found.isEmpty()) {
            throw new KeyNotFoundException(key);
        }
        return keyValue(found.getFirst());
    }

    private static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(Keys.string(kv.getKey().getBytes()), kv.getValue().getBytes(), kv.getCreateRevision(),
                kv.getModRevision());
    }

    @Override
    public void compact(long revision) throws StorageException {
        if (revision <= 0) {
            throw new IllegalArgumentException("cannot compact to revision " + revision);
        }
        ensureOpen();
        try {
            EtcdErrors.await(kv.compact(revision), timeout, "compact", revision);
        } catch (TooOldRevisionException e) {
            // already compacted at or past it (another apiserver did): nothing to do
        }
    }

    // ---------------------------------------------------------------- watch

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) throws StorageException {
        Keys.prefix(prefix);
        Keys.fromRevision(fromRevision);
        long from = fromRevision == 0 ? currentRevision() + 1 : fromRevision;
        ensureOpen();
        EtcdWatch[] self = new EtcdWatch[1];
        EtcdWatch watch = new EtcdWatch(client.getWatchClient(), prefix, from, scheduler, new WatchListener() {
            @Override
            public void onEvents(List<io.skiff.storage.WatchEvent> events) {
                listener.onEvents(events);
            }

            @Override
            public void onError(StorageException error) {
                watches.remove(self[0]);
                listener.onError(error);
            }
        });
        self[0] = watch;
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    private void ensureOpen() throws StorageUnavailableException {
        if (closed) {
            throw new StorageUnavailableException("the etcd storage for " + endpoints + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (compactor != null) {
            compactor.close();
        }
        watches.forEach(EtcdWatch::close);
        watches.clear();
        scheduler.shutdown();
        client.close();
        log.info("closed etcd storage for {}", endpoints);
    }
}
