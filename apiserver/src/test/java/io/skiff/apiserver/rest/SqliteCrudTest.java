package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteCrudTest extends CrudContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
