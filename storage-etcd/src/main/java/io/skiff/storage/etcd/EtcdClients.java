package io.skiff.storage.etcd;

import com.google.common.util.concurrent.MoreExecutors;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * jetcd clients whose calls switch threads only where the network needs it. By default jetcd
 * hands every call to its executor before sending it, and gRPC every answer to its own executor
 * before completing it: two thread switches per call, which on a small machine cost more CPU than
 * the call (a quarter of the apiserver's CPU in a profile of the create benchmark, most of it the
 * kernel's context switches). Neither step blocks, so here both run where they are: the caller
 * sends, and the network thread that received an answer completes its future or passes a watch
 * response to the listener. Listeners must therefore not block.
 */
public final class EtcdClients {
    private EtcdClients() {}

    /**
     * A builder with direct executors and the given interceptors (jetcd keeps only the last set it
     * is given, so they are passed here). Their order does not matter to the direct callbacks: the
     * executor travels in the call options every interceptor passes on.
     */
    public static ClientBuilder builder(ClientInterceptor... interceptors) {
        return Client.builder()
                .executorService(MoreExecutors.newDirectExecutorService())
                .interceptor(DirectCallbacks.INSTANCE, interceptors);
    }

    /** Runs a call's callbacks on the thread that has the answer. */
    private enum DirectCallbacks implements ClientInterceptor {
        INSTANCE;

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(method, options.withExecutor(MoreExecutors.directExecutor()));
        }
    }
}
