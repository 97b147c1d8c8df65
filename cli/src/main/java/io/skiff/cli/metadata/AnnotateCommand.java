package io.skiff.cli.metadata;

import io.skiff.api.meta.ObjectMeta;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code skiff annotate pods web description='my web' owner-}. */
@Command(name = "annotate", mixinStandardHelpOptions = true, description = "Update the annotations of resources.",
        footer = {"", "Examples:", "  skiff annotate pods web description='the front end'", "  skiff annotate rc/web owner-"})
public final class AnnotateCommand extends MetadataCommand {
    @Override
    String noun() {
        return "annotation";
    }

    @Override
    String verb() {
        return "annotated";
    }

    @Override
    Map<String, String> get(ObjectMeta meta) {
        return meta.annotations();
    }

    @Override
    ObjectMeta with(ObjectMeta meta, Map<String, String> values) {
        return meta.withAnnotations(values);
    }
}
