package io.skiff.cli;

import io.skiff.apiserver.registry.NodePortAllocator;
import io.skiff.apiserver.registry.RegistryKeys;
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
        // The allocator that will serve the range parses it in its constructor and touches no
        // storage there: asking it keeps one parser and one wording for the flag.
        new NodePortAllocator(null, RegistryKeys.defaults(), range);
        return range;
    }
}
