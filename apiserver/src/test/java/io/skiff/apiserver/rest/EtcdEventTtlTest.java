package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdEventTtlTest extends EventTtlContract {
    @Override
    protected TestApiServer server() {
        return TestApiServer.etcd();
    }
}
