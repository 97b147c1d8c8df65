package io.skiff.bench.apiserver;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.storage.Storage;
import io.skiff.storage.StorageFactory;
import io.skiff.storage.StorageOptions;

/**
 * The apiserver under test, in a JVM of its own (as in production: its RSS is its own, and the
 * load generators do not share its heap): on the given etcd and registry root, on a free port of
 * 127.0.0.1. Prints {@code LISTENING <url>} on stdout, then serves until its stdin closes — it
 * never outlives the bench that started it.
 *
 * <pre>java ... io.skiff.bench.apiserver.ApiServerProcess &lt;etcd url&gt; &lt;registry root&gt;</pre>
 */
public final class ApiServerProcess {
    private ApiServerProcess() {}

    public static void main(String[] args) throws Exception {
        Storage storage = StorageFactory.open(StorageOptions.etcd(args[0]));
        ApiServer server = ApiServer.builder(ApiServerConfig.defaults(storage).withPort(0).withRegistryRoot(args[1]))
                .build().start();
        System.out.println("LISTENING " + server.url());
        System.out.flush();
        while (System.in.read() != -1) {
            // until the parent goes
        }
        server.close();
        storage.close();
        System.exit(0);
    }
}
