package io.skiff.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Container;
import io.skiff.api.core.Pod;
import io.skiff.api.core.PodSpec;
import io.skiff.api.core.ResourceRequirements;
import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.resource.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code -o json} and {@code -o yaml} print. */
class PrintingTest {
    private final Pod pod = new Pod(ObjectMeta.of("default", "web").withLabels(Map.of("version", "1.0")),
            PodSpec.of(List.of(Container.of("web", "busybox").withArgs(List.of("1e3", "true", "plain"))
                    .withResources(new ResourceRequirements(Map.of("cpu", Quantity.parse("0.5")), Map.of())))),
            null);

    @Test
    void prettyJsonIsLaidOutAsKubectlPrintsIt() {
        assertThat(Json.toPrettyString(pod)).isEqualTo("""
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {
                        "name": "web",
                        "namespace": "default",
                        "labels": {
                            "version": "1.0"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "web",
                                "image": "busybox",
                                "args": [
                                    "1e3",
                                    "true",
                                    "plain"
                                ],
                                "resources": {
                                    "limits": {
                                        "cpu": "500m"
                                    },
                                    "requests": {}
                                }
                            }
                        ]
                    }
                }
                """);
    }

    @Test
    void yamlQuotesOnlyWhatWouldReadBackAsSomethingElse() {
        assertThat(Yaml.toYaml(pod)).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: default
                  labels:
                    version: "1.0"
                spec:
                  containers:
                  - name: web
                    image: busybox
                    args:
                    - "1e3"
                    - "true"
                    - plain
                    resources:
                      limits:
                        cpu: 500m
                      requests: {}
                """);
    }
}
