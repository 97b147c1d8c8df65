package io.skiff.bench.support;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.util.concurrent.CompletableFuture;

/**
 * The create-if-absent transaction {@code EtcdStorage.create} sends (put if the key's create
 * revision is 0, else read it back), issued with raw jetcd: the benches set it beside puts to
 * show what a create's semantics cost in etcd, apart from any wrapper above it.
 */
public final class RawEtcdCreate {
    private RawEtcdCreate() {}

    /** Succeeds ({@link TxnResponse#isSucceeded()}) when the key did not exist and now holds {@code value}. */
    public static CompletableFuture<TxnResponse> createIfAbsent(Client raw, ByteSequence key, ByteSequence value) {
        return raw.getKVClient().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(key, value, PutOption.DEFAULT))
                .Else(Op.get(key, GetOption.DEFAULT))
                .commit();
    }
}
