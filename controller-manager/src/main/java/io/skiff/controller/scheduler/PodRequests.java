package io.skiff.controller.scheduler;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.resource.Quantity;
import java.util.Map;

/**
 * What a pod asks of a node: the sum of its containers' {@code resources.requests} in
 * millicores and bytes. Filtering uses the real requests; scoring uses {@link #nonZero} so that
 * pods without requests still spread (Kubernetes counts them as 100m and 200Mi there).
 */
public record PodRequests(long milliCpu, long memoryBytes) {
    public static final PodRequests ZERO = new PodRequests(0, 0);
    static final long DEFAULT_MILLI_CPU = 100;
    static final long DEFAULT_MEMORY_BYTES = 200L * 1024 * 1024;

    public static PodRequests of(Pod pod) {
        long cpu = 0;
        long mem = 0;
        if (pod.spec() != null && pod.spec().containers() != null) {
            for (Container c : pod.spec().containers()) {
                Map<String, Quantity> req = c.resources() == null ? null : c.resources().requests();
                if (req == null) {
                    continue;
                }
                Quantity q = req.get(ResourceRequirements.CPU);
                if (q != null) {
                    cpu += q.milliValue();
                }
                q = req.get(ResourceRequirements.MEMORY);
                if (q != null) {
                    mem += q.value();
                }
            }
        }
        return new PodRequests(cpu, mem);
    }

    /** The requests with each missing (zero) one replaced by Kubernetes' scoring default. */
    public static PodRequests nonZero(Pod pod) {
        PodRequests r = of(pod);
        return new PodRequests(r.milliCpu == 0 ? DEFAULT_MILLI_CPU : r.milliCpu,
                r.memoryBytes == 0 ? DEFAULT_MEMORY_BYTES : r.memoryBytes);
    }

    public PodRequests plus(PodRequests o) {
        return new PodRequests(milliCpu + o.milliCpu, memoryBytes + o.memoryBytes);
    }

    public PodRequests minus(PodRequests o) {
        return new PodRequests(milliCpu - o.milliCpu, memoryBytes - o.memoryBytes);
    }
}
