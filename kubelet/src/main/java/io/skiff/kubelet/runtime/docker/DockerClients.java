package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Opens docker-java clients the way Skiff talks to an engine: httpclient5 transport, bounded pool. */
public final class DockerClients {
    private DockerClients() {}

    /** The engine to use when none is configured: {@code DOCKER_HOST}, else the local socket. */
    public static String defaultHost() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    /**
     * A client with at most {@code maxConnections} connections to {@code dockerHost}. No response
     * timeout is set on the transport: it would cut streams that are quiet on purpose (a followed
     * log, a wait), and over a unix socket the transport ignores it anyway; callers bound their
     * calls themselves (see {@link DockerCalls}).
     */
    public static DockerClient open(String dockerHost, int maxConnections, Duration connectTimeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
