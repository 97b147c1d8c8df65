package io.skiff.apiserver.rest;

import io.skiff.apiserver.testing.TestApiServer;

class SqliteRangeRepairTest extends RangeRepairContract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.sqlite();
    }
}
