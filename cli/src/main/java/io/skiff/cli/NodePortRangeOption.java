package io.skiff.cli;

import io.skiff.apiserver.registry.NodePortAllocator;
import picocli.CommandLine.Option;

/** {@code --service-node-port-range} of {@code skiff apiserver} and {@code skiff up} (a picocli mixin). */
final class NodePortRangeOption {
    @Option(names = "--service-node-port-range", paramLabel = "RANGE",
            defaultValue = "${env:SKIFF_SERVICE_NODE_PORT_RANGE:-" + NodePortAllocator.DEFAULT_RANGE + "}",
            description = "Ports NodePort services get their node ports from (default: ${DEFAULT-VALUE}; "
                    + "env SKIFF_SERVICE_NODE_PORT_RANGE).")
    String range;

    /**
     * The range, checked before any storage is opened: a bad one is an
     * {@link IllegalArgumentException} naming the flag, and nothing is written.
     */
    String checked() {
        NodePortAllocator.parseRange(range); // the allocator's own parser: one wording for the flag
        return range;
    }
}
