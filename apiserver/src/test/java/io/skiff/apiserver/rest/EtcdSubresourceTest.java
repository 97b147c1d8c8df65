package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdSubresourceTest extends SubresourceContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
