package io.skiff.cli.workload;

import io.skiff.api.core.Container;
import io.skiff.api.core.ContainerPort;
import io.skiff.api.core.EnvVar;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.PodTemplateSpec;
import io.skiff.api.core.ReplicationController;
import io.skiff.api.core.ReplicationControllerSpec;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff run NAME --image=I}: a pod, or with {@code --replicas} a replication controller
 * of them, as kubectl 1.x's {@code run-pod/v1} and {@code run/v1} generators made them
 * (labels {@code run=NAME} unless {@code --labels}; arguments after {@code --} are the
 * container's args, or its command with {@code --command}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an image: as a pod, or with --replicas as a replication controller.",
        footer = {"", "Examples:", "  skiff run web --image=busybox --replicas=3 --port=8080 -- httpd -f -p 8080",
            "  skiff run once --image=busybox --restart=Never --command -- sh -c 'echo hi'"})
public final class RunCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "After --: the container's args (or command, with --command).")
    List<String> rest = new ArrayList<>();

    @Option(names = "--image", required = true, paramLabel = "IMAGE")
    String image;

    @Option(names = {"-r", "--replicas"}, paramLabel = "N", description = "Make a replication controller of N pods.")
    Integer replicas;

    @Option(names = "--port", paramLabel = "PORT", description = "The port the container listens on.")
    Integer port;

    @Option(names = {"-l", "--labels"}, paramLabel = "k=v,...", description = "Labels (default run=NAME).")
    String labels;

    @Option(names = "--env", paramLabel = "k=v", description = "Environment variables (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--restart", paramLabel = "Always|OnFailure|Never", defaultValue = "Always",
            description = "The pod's restart policy (a replication controller needs Always).")
    String restart;

    @Option(names = "--image-pull-policy", paramLabel = "POLICY", description = "Always, IfNotPresent or Never.")
    String imagePullPolicy;

    @Option(names = "--command", description = "The arguments after -- are the command, not its args.")
    boolean command;

    @Override
    protected int run(Session session) {
        if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
            throw new CommandException("invalid restart policy: " + restart);
        }
        if (replicas != null && !"Always".equals(restart)) {
            throw new CommandException("--restart=" + restart + " is not valid for a replication controller:"
                    + " its pods restart Always");
        }
        Map<String, String> podLabels = labels();
        Container container = new Container(name, image, command && !rest.isEmpty() ? List.copyOf(rest) : null,
                !command && !rest.isEmpty() ? List.copyOf(rest) : null, null,
                port == null ? null : List.of(new ContainerPort(null, null, port, null, null)), env(), null, null,
                null, null, null, null, imagePullPolicy);
        PodSpec spec = new PodSpec(null, List.of(container), restart, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        String ns = session.namespace();
        if (replicas == null) {
            Pod pod = new Pod(ObjectMeta.of(ns, name).withLabels(podLabels), spec, null);
            session.client().pods(ns).create(pod);
            session.out().println("pod/" + name + " created");
        } else {
            ReplicationController rc = new ReplicationController(ObjectMeta.of(ns, name).withLabels(podLabels),
                    new ReplicationControllerSpec(replicas, null, podLabels,
                            new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(podLabels), spec)), null);
            session.client().replicationControllers(ns).create(rc);
            session.out().println("replicationcontroller/" + name + " created");
        }
        return 0;
    }

    private Map<String, String> labels() {
        if (labels == null || labels.isBlank()) {
            return Map.of("run", name);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : labels.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandException("invalid label spec: " + pair);
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    private List<EnvVar> env() {
        if (env.isEmpty()) {
            return null;
        }
        List<EnvVar> out = new ArrayList<>();
        for (String pair : env) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandException("invalid env: " + pair + " (expected NAME=value)");
            }
            out.add(new EnvVar(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return out;
    }
}
