package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

/** The node port contract on the real etcd, where the race is decided by etcd's create-if-absent. */
class EtcdNodePortTest extends NodePortContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
