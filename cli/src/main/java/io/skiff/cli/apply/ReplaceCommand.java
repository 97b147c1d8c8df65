package io.skiff.cli.apply;

import io.skiff.api.meta.KubeObject;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.Session;
import io.skiff.client.ResourceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code skiff replace -f}: PUTs every object whole. A file that carries a resourceVersion is a
 * compare-and-swap against it (409 if the object changed since); one without replaces the
 * current version, read just before and retried if it changes in between.
 */
@Command(name = "replace", mixinStandardHelpOptions = true, description = "Replace resources by files or stdin.")
public final class ReplaceCommand extends ClientCommand {
    @Mixin
    FileOptions files;

    @Override
    protected int run(Session session) {
        return files.forEach(session, "replacing", m -> {
            replace(session, m);
            return m.displayName() + " replaced";
        });
    }

    private static void replace(Session session, Manifest m) {
        String namespace = m.namespace(session);
        String name = m.requireName();
        ResourceClient<KubeObject> client = session.resource(m.type(), namespace);
        KubeObject obj = m.object().withMetadata(m.object().metadataOrEmpty().withNamespace(namespace));
        String rv = obj.metadataOrEmpty().resourceVersion();
        if (rv != null && !rv.isEmpty()) {
            client.update(obj);
            return;
        }
        client.updateWithRetry(name, current -> obj.withMetadata(
                obj.metadataOrEmpty().withResourceVersion(current.metadataOrEmpty().resourceVersion())));
    }
}
