package io.skiff.cli.metadata;

import io.skiff.api.meta.ObjectMeta;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code skiff label pods web app=web tier-}. */
@Command(name = "label", mixinStandardHelpOptions = true, description = "Update the labels of resources.",
        footer = {"", "Examples:", "  skiff label pods web tier=frontend", "  skiff label pod/web tier-",
            "  skiff label nodes node-1 disk=ssd --overwrite"})
public final class LabelCommand extends MetadataCommand {
    @Override
    String noun() {
        return "label";
    }

    @Override
    String verb() {
        return "labeled";
    }

    @Override
    Map<String, String> get(ObjectMeta meta) {
        return meta.labels();
    }

    @Override
    ObjectMeta with(ObjectMeta meta, Map<String, String> values) {
        return meta.withLabels(values);
    }
}
