package io.skiff.apiserver;

import io.skiff.apiserver.registry.EventStrategy;
import io.skiff.apiserver.registry.NodePortAllocator;
import io.skiff.apiserver.registry.RegistryKeys;
import io.skiff.apiserver.registry.ServiceIpAllocator;
import io.skiff.storage.Storage;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link ApiServer} runs. The storage is opened (and closed) by the caller, from
 * {@code StorageFactory}; the flags of {@code skiff apiserver} map onto the rest.
 *
 * @param bindAddress           the address to listen on (127.0.0.1: the 2014 insecure port is local only)
 * @param port                  the port; 0 picks a free one ({@link ApiServer#port()} tells which)
 * @param maxRequestBytes       larger bodies are refused with 413
 * @param requestTimeout        a non-watch request not answered by then gets 504
 * @param serviceClusterIpRange the CIDR service cluster IPs come from
 * @param serviceNodePortRange the ports NodePort services get node ports from ({@code 30000-32767})
 * @param registryRoot          the storage key prefix of every object ({@code /registry})
 * @param eventTtl              how long events live
 * @param watchCacheWindow      events kept per resource for watches from a recent resourceVersion
 * @param watchQueueCapacity    events a watcher may fall behind before it is cut off
 * @param bookmarkInterval      how often watchers that allow bookmarks get one
 * @param minWatchTimeout       watches without timeoutSeconds last between this and twice this
 */
public record ApiServerConfig(String bindAddress, int port, Storage storage, long maxRequestBytes,
        Duration requestTimeout, String serviceClusterIpRange, String serviceNodePortRange, String registryRoot, Duration eventTtl,
        int watchCacheWindow, int watchQueueCapacity, Duration bookmarkInterval, Duration minWatchTimeout) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 3L * 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_WATCH_CACHE_WINDOW = 1_000;
    public static final int DEFAULT_WATCH_QUEUE_CAPACITY = 1_024;
    public static final Duration DEFAULT_BOOKMARK_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MIN_WATCH_TIMEOUT = Duration.ofMinutes(30);

    public ApiServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(serviceClusterIpRange, "serviceClusterIpRange");
        Objects.requireNonNull(serviceNodePortRange, "serviceNodePortRange");
        Objects.requireNonNull(registryRoot, "registryRoot");
        Objects.requireNonNull(eventTtl, "eventTtl");
        Objects.requireNonNull(bookmarkInterval, "bookmarkInterval");
        Objects.requireNonNull(minWatchTimeout, "minWatchTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("--max-request-bytes must be positive, got " + maxRequestBytes);
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("--request-timeout must be positive, got " + requestTimeout);
        }
        if (watchCacheWindow <= 0 || watchQueueCapacity <= 0) {
            throw new IllegalArgumentException("the watch cache window and queue capacity must be positive");
        }
        new RegistryKeys(registryRoot); // checks its shape
    }

    /** The defaults of {@code skiff apiserver} on the given storage. */
    public static ApiServerConfig defaults(Storage storage) {
        return new ApiServerConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, storage, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_REQUEST_TIMEOUT, ServiceIpAllocator.DEFAULT_RANGE,
                NodePortAllocator.DEFAULT_RANGE, RegistryKeys.DEFAULT_ROOT,
                EventStrategy.DEFAULT_TTL, DEFAULT_WATCH_CACHE_WINDOW, DEFAULT_WATCH_QUEUE_CAPACITY,
                DEFAULT_BOOKMARK_INTERVAL, DEFAULT_MIN_WATCH_TIMEOUT);
    }

    public ApiServerConfig withStorage(Storage v) {
        return new ApiServerConfig(bindAddress, port, v, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withBindAddress(String v) {
        return new ApiServerConfig(v, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withPort(int v) {
        return new ApiServerConfig(bindAddress, v, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withMaxRequestBytes(long v) {
        return new ApiServerConfig(bindAddress, port, storage, v, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withRequestTimeout(Duration v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, v, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withServiceClusterIpRange(String v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, v,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withServiceNodePortRange(String v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                v, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withRegistryRoot(String v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, v, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withEventTtl(Duration v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, v, watchCacheWindow, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withWatchCacheWindow(int v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, v, watchQueueCapacity, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withWatchQueueCapacity(int v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, v, bookmarkInterval, minWatchTimeout);
    }

    public ApiServerConfig withBookmarkInterval(Duration v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, v, minWatchTimeout);
    }

    public ApiServerConfig withMinWatchTimeout(Duration v) {
        return new ApiServerConfig(bindAddress, port, storage, maxRequestBytes, requestTimeout, serviceClusterIpRange,
                serviceNodePortRange, registryRoot, eventTtl, watchCacheWindow, watchQueueCapacity, bookmarkInterval, v);
    }
}
