package io.skiff.cli.workload;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import io.skiff.client.ApiException;
import io.skiff.client.LogOptions;
import io.skiff.client.PodClient;
import io.skiff.client.ServerConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff logs POD}: a container's log through the apiserver ({@code pods/{name}/log}, which
 * the apiserver fetches from the pod's kubelet), copied to stdout as it arrives.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the logs of a container in a pod.",
        footer = {"", "Examples:", "  skiff logs web-abc12", "  skiff logs -f web-abc12 -c web --tail 20"})
public final class LogsCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "POD", description = "The pod (or pod/NAME).")
    String pod;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CONTAINER", description = "The container (same as -c).")
    String containerArg;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "The container; needed when the pod has several.")
    String container;

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new lines.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "-1", description = "Only the last N lines (-1: all).")
    long tail;

    @Option(names = "--timestamps", description = "Prefix each line with its time (RFC 3339).")
    boolean timestamps;

    @Option(names = {"-p", "--previous"}, description = "The previous, terminated, instance of the container.")
    boolean previous;

    @Override
    protected int run(Session session) throws IOException {
        String name = pod.startsWith("pod/") ? pod.substring(4) : pod.startsWith("pods/") ? pod.substring(5) : pod;
        if (name.contains("/")) {
            throw new CommandException("logs reads pods: give a pod name or pod/NAME, not " + pod);
        }
        PodClient pods = session.client().pods(session.namespace());
        Pod p = pods.get(name);
        String c = container(p, name);
        LogOptions options = LogOptions.NONE.withContainer(c);
        if (follow) {
            options = options.withFollow(true);
        }
        if (tail >= 0) {
            options = options.withTailLines(tail);
        }
        if (timestamps) {
            options = options.withTimestamps(true);
        }
        if (previous) {
            options = options.withPrevious(true);
        }
        try (InputStream in = pods.log(name, options)) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                session.out().write(buf, 0, n);
                // Followed logs are read by people and pipes line by line: never hold output back.
                session.out().flush();
            }
        } catch (IOException e) {
            throw new ServerConnectionException(session.client().config().server(), "the log stream broke from", e);
        } catch (ApiException e) {
            throw explain(e, p, c);
        }
        return 0;
    }

    /** The container to read: -c, the second argument, or the pod's only one. */
    private String container(Pod p, String name) {
        if (container != null && containerArg != null && !container.equals(containerArg)) {
            throw new CommandException("only one of -c or an inline [CONTAINER] arg is allowed");
        }
        String c = container != null ? container : containerArg;
        List<Container> containers = p.spec() == null || p.spec().containers() == null ? List.of()
                : p.spec().containers();
        if (c == null) {
            if (containers.size() == 1) {
                return containers.getFirst().name();
            }
            throw new CommandException("a container name must be specified for pod " + name + ", choose one of: "
                    + containers.stream().map(Container::name).toList().toString().replace(",", ""));
        }
        if (containers.stream().noneMatch(x -> x.name().equals(c))) {
            throw new CommandException("container " + c + " is not valid for pod " + name);
        }
        return c;
    }

    /**
     * An error about the log of a pod that exists: a 404 then means the apiserver has no log
     * route (or no kubelet to ask), which deserves words rather than a bare "not found".
     */
    private static RuntimeException explain(ApiException e, Pod p, String c) {
        String node = p.spec() == null ? null : p.spec().nodeName();
        if (node == null || node.isEmpty()) {
            return new CommandException("pod " + p.name() + " is not scheduled to a node yet: container " + c
                    + " has not started and has no logs (" + e.status().message() + ")", e);
        }
        if (e.isNotFound()) {
            return new CommandException("the apiserver could not fetch the log of container " + c + " in pod "
                    + p.name() + " from node " + node + ": " + e.status().message(), e);
        }
        return e;
    }
}
