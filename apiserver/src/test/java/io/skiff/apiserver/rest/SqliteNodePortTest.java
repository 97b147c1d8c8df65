package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteNodePortTest extends NodePortContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
