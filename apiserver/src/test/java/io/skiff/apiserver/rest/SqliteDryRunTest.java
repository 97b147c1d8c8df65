package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteDryRunTest extends DryRunContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
