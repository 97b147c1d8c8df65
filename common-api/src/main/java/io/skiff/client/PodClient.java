package io.skiff.client;

import io.skiff.api.codec.ResourceInfo;
import io.skiff.api.codec.Scheme;
import io.skiff.api.core.Binding;
import io.skiff.api.core.Node;
import io.skiff.api.core.ObjectReference;
import io.skiff.api.core.Pod;
import io.skiff.api.meta.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Pods, with their {@code binding} and {@code log} subresources. */
public final class PodClient extends ResourceClient<Pod> {

    PodClient(RestClient rest, Scheme scheme, ResourceInfo info, String namespace) {
        super(rest, scheme, info, Pod.class, namespace);
    }

    /** Binds the pod to a node ({@code POST pods/{name}/binding}), as the scheduler does. */
    public void bind(String podName, String nodeName) {
        bind(new Binding(ObjectMeta.of(ns(), podName), ObjectReference.to(Node.KIND, null, nodeName)));
    }

    public void bind(Binding binding) {
        rest.send(RestClient.Request.withBody("POST", path(ns(), binding.name(), "binding"), Map.of(),
                scheme.encode(binding), "application/json"));
    }

    /**
     * The log of a container as a stream ({@code GET pods/{name}/log}); the caller closes it. With
     * {@code follow} it stays open (no timeout) until the container stops or it is closed.
     */
    public InputStream log(String podName, LogOptions options) {
        return rest.openStream(RestClient.Request.get(path(ns(), podName, "log"), options.toQuery())
                .accepting("text/plain, */*"));
    }

    /** The whole (not followed) log as text. */
    public String logText(String podName, LogOptions options) {
        if (options.isFollow()) {
            throw new IllegalArgumentException("a followed log never ends: read log(...) as a stream");
        }
        try (InputStream in = log(podName, options)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServerConnectionException(rest.config().server(), "log stream broken from", e);
        }
    }
}
