package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteWatchTest extends WatchContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
