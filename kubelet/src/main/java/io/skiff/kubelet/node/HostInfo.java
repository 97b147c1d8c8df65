package io.skiff.kubelet.node;

import io.skiff.api.SkiffVersion;
import io.skiff.api.core.NodeStatus;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.resource.Quantity;
import io.skiff.kubelet.runtime.RuntimeVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the kubelet reports about the machine it runs on: capacity, addresses, system info. */
public final class HostInfo {
    private HostInfo() {}

    /** cpu (the processors this JVM may use), memory (physical), pods. */
    public static Map<String, Quantity> capacity(int maxPods) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put(ResourceRequirements.CPU, Quantity.of(Runtime.getRuntime().availableProcessors()));
        capacity.put(ResourceRequirements.MEMORY, Quantity.parse(memoryBytes() / 1024 + "Ki"));
        capacity.put(ResourceRequirements.PODS, Quantity.of(maxPods));
        return capacity;
    }

    private static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    public static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * The node's IP: the address the kubelet serves on, unless that is a wildcard; then the first
     * non-loopback IPv4 address of an interface that is up (loopback if there is none).
     */
    public static String nodeIp(String bindAddress) {
        if (bindAddress != null && !bindAddress.isBlank() && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            return bindAddress;
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.getName().startsWith("docker") || nif.getName().startsWith("veth")) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return "127.0.0.1";
    }

    public static NodeStatus.NodeSystemInfo systemInfo(RuntimeVersion runtime) {
        return new NodeStatus.NodeSystemInfo(
                read("/etc/machine-id"),
                read("/sys/class/dmi/id/product_uuid"),
                read("/proc/sys/kernel/random/boot_id"),
                System.getProperty("os.version"),
                osImage(),
                runtime == null ? "" : runtime.toString(),
                SkiffVersion.KUBERNETES_COMPAT + "-skiff-" + SkiffVersion.version(),
                "",
                "linux",
                architecture());
    }

    private static String osImage() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // not Linux as we know it
        }
        return System.getProperty("os.name");
    }

    /** Go's GOARCH spelling, as Kubernetes reports it. */
    public static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
