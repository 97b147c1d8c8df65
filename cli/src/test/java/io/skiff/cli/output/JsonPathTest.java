package io.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.codec.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** kubectl's JSONPath dialect on a pod list, template by template. */
class JsonPathTest {
    static final JsonNode LIST = tree("""
            {"kind": "List", "items": [
              {"metadata": {"name": "web-1", "labels": {"app": "web", "app.kubernetes.io/name": "x"},
                            "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}"}},
               "spec": {"containers": [{"name": "a", "image": "busybox"}, {"name": "b", "image": "nginx"}]},
               "status": {"phase": "Running", "restarts": 3}},
              {"metadata": {"name": "web-2", "labels": {"app": "web"}},
               "spec": {"containers": [{"name": "a", "image": "busybox"}]},
               "status": {"phase": "Pending", "restarts": 0}}
            ]}""");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{.items[*].metadata.name}|web-1 web-2",
        "{.items[0].metadata.name}|web-1",
        "{.items[-1].metadata.name}|web-2",
        "{.items[0:1].metadata.name}|web-1",
        "{$.items[1].status.phase}|Pending",
        "{range .items[*]}{.metadata.name}:{.status.phase};{end}|web-1:Running;web-2:Pending;",
        "{range .items[*]}[{.metadata.name}]{end}|[web-1][web-2]",
        "{.items[?(@.status.phase==\"Running\")].metadata.name}|web-1",
        "{.items[?(@.status.restarts > 1)].metadata.name}|web-1",
        "{.items[?(@.status.restarts <= 1)].metadata.name}|web-2",
        "{.items[0].spec.containers[*].image}|busybox nginx",
        "{..image}|busybox nginx busybox",
        "{.items[0].metadata.labels['app.kubernetes.io/name']}|x",
        "{.items[0].metadata.labels.app\\.kubernetes\\.io/name}|x",
        "{.items[0].metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}|{}",
        "{.items[0].spec.containers[0]}|{\"name\":\"a\",\"image\":\"busybox\"}",
        "{.items[1].status.restarts}|0",
        "names: {.items[*].metadata.name}!|names: web-1 web-2!",
        "{.items[0].nothing.here}|",
        "{.items[0].metadata['name','labels']}|web-1 {\"app\":\"web\",\"app.kubernetes.io/name\":\"x\"}",
    })
    void evaluatesKubectlTemplates(String template, String expected) {
        assertThat(JsonPath.parse(template).execute(LIST)).isEqualTo(expected == null ? "" : expected);
    }

    @org.junit.jupiter.api.Test
    void quotedLiteralsCarryEscapes() {
        assertThat(JsonPath.parse("{range .items[*]}{.metadata.name}{\"\\n\"}{end}").execute(LIST))
                .isEqualTo("web-1\nweb-2\n");
        assertThat(JsonPath.parse("{.items[0].metadata.name}{\"\\t\"}{.items[1].metadata.name}").execute(LIST))
                .isEqualTo("web-1\tweb-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{.items[0", "{range .items[*]}{.x}", "{end}", "{.items[x]}", "{.items[?(@.a == bad)]}"})
    void malformedTemplatesAreErrors(String template) {
        assertThatThrownBy(() -> JsonPath.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("error parsing jsonpath " + template);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
