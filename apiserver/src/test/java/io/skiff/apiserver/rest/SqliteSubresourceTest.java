package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteSubresourceTest extends SubresourceContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
