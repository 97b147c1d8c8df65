package io.skiff.cli.command;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.meta.KubeObject;
import io.skiff.cli.config.Connection;
import io.skiff.client.ResourceClient;
import io.skiff.client.SkiffClient;
import java.io.PrintStream;
import java.time.Instant;

/** One command's connection to the apiserver and its terminal; closed when the command ends. */
public final class Session implements AutoCloseable {
    private final Terminal terminal;
    private final Connection connection;
    private final boolean namespaceGiven;
    private final int verbosity;
    private final SkiffClient client;
    private final ResourceTypes types;

    public Session(Terminal terminal, Connection connection, boolean namespaceGiven, int verbosity) {
        this.terminal = terminal;
        this.connection = connection;
        this.namespaceGiven = namespaceGiven;
        this.verbosity = verbosity;
        this.client = new SkiffClient(connection.client());
        this.types = new ResourceTypes(client.scheme());
    }

    public Terminal terminal() {
        return terminal;
    }

    public PrintStream out() {
        return terminal.out();
    }

    public PrintStream err() {
        return terminal.err();
    }

    public SkiffClient client() {
        return client;
    }

    public Scheme scheme() {
        return client.scheme();
    }

    public ResourceTypes types() {
        return types;
    }

    /** {@code -n}, the config file's namespace, or {@code default}. */
    public String namespace() {
        return connection.namespace();
    }

    public boolean namespaceGiven() {
        return namespaceGiven;
    }

    public int verbosity() {
        return verbosity;
    }

    public Instant now() {
        return terminal.clock().instant();
    }

    /**
     * The client of a resource in a namespace: null for every namespace; ignored for a
     * cluster-scoped resource.
     */
    @SuppressWarnings("unchecked")
    public ResourceClient<KubeObject> resource(ResourceInfo type, String namespace) {
        return (ResourceClient<KubeObject>) client.resource(type.type(), type.namespaced() ? namespace : null);
    }

    @Override
    public void close() {
        client.close();
    }
}
