package io.skiff.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real etcd members (the {@code etcd} binary on PATH) on free loopback ports with data in a temp
 * directory of their own, for tests that must compact, kill or otherwise disturb etcd without
 * touching the etcd other tests share, or serve its clients over TLS. {@link #close()} kills every
 * member and removes the data.
 */
public final class EtcdProcess implements AutoCloseable {
    private final Path root;
    private final List<Member> members = new ArrayList<>();

    /** etcd's client TLS: its certificate and key, and the CA its clients' certificates must chain to. */
    public record ClientTls(Path certFile, Path keyFile, Path clientCaFile) {}

    public record Member(String name, int clientPort, int peerPort, Path dataDir, Process[] process, boolean tls) {
        public String clientUrl() {
            return (tls ? "https" : "http") + "://127.0.0.1:" + clientPort;
        }

        public boolean isAlive() {
            return process[0] != null && process[0].isAlive();
        }
    }

    /** Starts a cluster of {@code size} members and waits until every member reports healthy. */
    public static EtcdProcess start(int size) {
        return new EtcdProcess(size, null);
    }

    /** One member serving its clients over https only, and only to clients with a certificate. */
    public static EtcdProcess startTls(ClientTls tls) {
        return new EtcdProcess(1, tls);
    }

    private EtcdProcess(int size, ClientTls tls) {
        try {
            root = Files.createTempDirectory("skiff-etcd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String token = "skiff-test-" + UUID.randomUUID();
        for (int i = 1; i <= size; i++) {
            members.add(new Member("m" + i, freePort(), freePort(), root.resolve("m" + i), new Process[1],
                    tls != null));
        }
        String cluster = members.stream().map(m -> m.name + "=http://127.0.0.1:" + m.peerPort)
                .collect(Collectors.joining(","));
        try {
            for (Member m : members) {
                List<String> command = new ArrayList<>(List.of("etcd", "--name", m.name,
                        "--data-dir", m.dataDir.toString(),
                        "--listen-client-urls", m.clientUrl(), "--advertise-client-urls", m.clientUrl(),
                        "--listen-peer-urls", "http://127.0.0.1:" + m.peerPort,
                        "--initial-advertise-peer-urls", "http://127.0.0.1:" + m.peerPort,
                        "--initial-cluster", cluster, "--initial-cluster-state", "new",
                        "--initial-cluster-token", token));
                if (tls != null) {
                    command.addAll(List.of("--cert-file", tls.certFile().toString(),
                            "--key-file", tls.keyFile().toString(), "--client-cert-auth",
                            "--trusted-ca-file", tls.clientCaFile().toString()));
                }
                m.process[0] = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve(m.name + ".log").toFile())
                        .start();
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            for (Member m : members) {
                if (m.tls) {
                    // /health would need a client certificate: a listening port is enough, the
                    // test's first request (awaited) tells whether TLS works
                    await("etcd member " + m.name + " listening").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                            .until(() -> {
                                try (Socket socket = new Socket("127.0.0.1", m.clientPort)) {
                                    return socket.isConnected();
                                }
                            });
                    continue;
                }
                await("etcd member " + m.name + " healthy").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> http.send(HttpRequest.newBuilder(URI.create(m.clientUrl() + "/health"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
                                .body().contains("\"health\":\"true\""));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public List<Member> members() {
        return members;
    }

    /** Client URLs of all members, comma-separated, as {@code --etcd-servers} takes them. */
    public String clientUrls() {
        return members.stream().map(Member::clientUrl).collect(Collectors.joining(","));
    }

    /** kill -9 of one member: a real, abrupt member loss. */
    public void kill(Member member) {
        Process p = member.process[0];
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String log(Member member) {
        try {
            return Files.readString(root.resolve(member.name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        for (Member m : members) {
            if (m.process[0] != null) {
                kill(m);
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
