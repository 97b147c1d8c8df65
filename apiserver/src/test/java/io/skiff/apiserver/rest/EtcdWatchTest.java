package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdWatchTest extends WatchContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd();
    }
}
