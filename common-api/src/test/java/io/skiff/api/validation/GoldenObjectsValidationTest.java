package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.codec.Scheme;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.meta.ApiObject;
import io.skiff.api.meta.KubeObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real Kubernetes objects are valid Skiff objects: no false positives on what kubectl and kubelets send. */
class GoldenObjectsValidationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pod.json", "replicationcontroller.json", "service.json", "node.json", "lease.json", "event.json"})
    void goldenObjectsValidateClean(String file) {
        KubeObject obj = Cases.object(file, List.of());

        assertThat(Validators.validate(obj)).isEmpty();
        assertThat(Validators.validateUpdate(obj, obj)).isEmpty();
    }

    @Test
    void manifestObjectsValidateClean() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/golden/v1/manifest.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ApiObject> objects = Scheme.defaultScheme().decodeManifest(yaml);

        assertThat(objects).isNotEmpty();
        for (ApiObject obj : objects) {
            assertThat(Validators.validate(Defaults.apply((KubeObject) obj))).as(obj.kind()).isEmpty();
        }
    }
}
