package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdConcurrencyTest extends ConcurrencyContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
