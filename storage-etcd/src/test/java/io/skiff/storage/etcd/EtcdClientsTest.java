package io.skiff.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.skiff.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where a call of an {@link EtcdClients} client runs, seen by an interceptor, on the real etcd. */
class EtcdClientsTest {

    @Test
    void aCallIsSentByTheCallerAndItsAnswerTakenOnTheNetworkThread() throws Exception {
        AtomicReference<String> sentOn = new AtomicReference<>();
        AtomicReference<String> answeredOn = new AtomicReference<>();
        ClientInterceptor threads = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        sentOn.set(Thread.currentThread().getName());
                        super.start(new SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onMessage(R message) {
                                answeredOn.set(Thread.currentThread().getName());
                                super.onMessage(message);
                            }
                        }, headers);
                    }
                };
            }
        };
        ByteSequence key = ByteSequence.from("/skiff-test/clients/" + UUID.randomUUID(), StandardCharsets.UTF_8);
        try (Client client = EtcdClients.builder(threads).endpoints(TestEnvironment.etcd()).build()) {
            client.getKVClient().put(key, ByteSequence.from("v", StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            client.getKVClient().delete(key).get(10, TimeUnit.SECONDS);
        }
        // jetcd's default hands the call to its own pool ("jetcd-..."), and gRPC's the answer to
        // "grpc-default-executor-...": each a thread switch this client does not make.
        assertThat(sentOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(answeredOn.get()).isNotNull().doesNotStartWith("grpc-default-executor").doesNotStartWith("jetcd-")
                .isNotEqualTo(Thread.currentThread().getName());
    }
}
