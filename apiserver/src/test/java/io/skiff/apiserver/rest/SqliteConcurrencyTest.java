package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteConcurrencyTest extends ConcurrencyContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
