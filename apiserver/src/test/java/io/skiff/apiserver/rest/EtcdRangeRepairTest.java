package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

/** The range repair on the real etcd, where the compare-and-swap delete is etcd's transaction. */
class EtcdRangeRepairTest extends RangeRepairContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
