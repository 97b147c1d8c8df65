package io.skiff.kubelet.proxy;

/** One port of one service ({@code port} is the port's name, empty for an unnamed port). */
public record ServicePortName(String namespace, String name, String port) {
    public ServicePortName {
        port = port == null ? "" : port;
    }

    @Override
    public String toString() {
        return namespace + "/" + name + (port.isEmpty() ? "" : ":" + port);
    }
}
