package io.skiff.api.core;

import java.util.List;

/** One container of a pod. */
public record Container(
        String name,
        String image,
        List<String> command,
        List<String> args,
        String workingDir,
        List<ContainerPort> ports,
        List<EnvVar> env,
        ResourceRequirements resources,
        List<VolumeMount> volumeMounts,
        Probe livenessProbe,
        Probe readinessProbe,
        String terminationMessagePath,
        String terminationMessagePolicy,
        String imagePullPolicy) {

    public static final String PULL_ALWAYS = "Always";
    public static final String PULL_IF_NOT_PRESENT = "IfNotPresent";
    public static final String PULL_NEVER = "Never";

    public static final String TERMINATION_MESSAGE_READ_FILE = "File";
    public static final String TERMINATION_MESSAGE_FALLBACK_TO_LOGS_ON_ERROR = "FallbackToLogsOnError";
    public static final String DEFAULT_TERMINATION_MESSAGE_PATH = "/dev/termination-log";

    /** A container with just a name and an image. */
    public static Container of(String name, String image) {
        return new Container(name, image, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Container withCommand(List<String> v) {
        return new Container(name, image, v, args, workingDir, ports, env, resources, volumeMounts, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withArgs(List<String> v) {
        return new Container(name, image, command, v, workingDir, ports, env, resources, volumeMounts, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withPorts(List<ContainerPort> v) {
        return new Container(name, image, command, args, workingDir, v, env, resources, volumeMounts, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withEnv(List<EnvVar> v) {
        return new Container(name, image, command, args, workingDir, ports, v, resources, volumeMounts, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withResources(ResourceRequirements v) {
        return new Container(name, image, command, args, workingDir, ports, env, v, volumeMounts, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withVolumeMounts(List<VolumeMount> v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, v, livenessProbe,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withLivenessProbe(Probe v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, volumeMounts, v,
                readinessProbe, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withReadinessProbe(Probe v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, volumeMounts,
                livenessProbe, v, terminationMessagePath, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withTerminationMessagePath(String v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, v, terminationMessagePolicy, imagePullPolicy);
    }

    public Container withTerminationMessagePolicy(String v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, terminationMessagePath, v, imagePullPolicy);
    }

    public Container withImagePullPolicy(String v) {
        return new Container(name, image, command, args, workingDir, ports, env, resources, volumeMounts,
                livenessProbe, readinessProbe, terminationMessagePath, terminationMessagePolicy, v);
    }
}
