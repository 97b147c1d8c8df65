package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdCrudTest extends CrudContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
