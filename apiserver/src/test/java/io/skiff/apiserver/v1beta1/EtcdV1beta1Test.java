package io.skiff.apiserver.v1beta1;

import io.skiff.apiserver.testing.TestApiServer;

class EtcdV1beta1Test extends V1beta1Contract {
    @Override
    protected TestApiServer newServer() {
        return TestApiServer.etcd().builder(b -> b.routes(V1beta1Api.withDefaults()));
    }
}
