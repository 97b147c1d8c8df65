package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteValidationTest extends ValidationContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
