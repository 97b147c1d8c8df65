package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteEventTtlTest extends EventTtlContract {
    @Override
    protected TestApiServer server() {
        return TestApiServer.sqlite();
    }
}
