package io.skiff.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldPathTest {

    static Stream<Arguments> paths() {
        FieldPath spec = FieldPath.root("spec");
        return Stream.of(
                arguments(FieldPath.root("metadata"), "metadata"),
                arguments(FieldPath.root("metadata", "name"), "metadata.name"),
                arguments(spec.child("containers").index(1).child("name"), "spec.containers[1].name"),
                arguments(FieldPath.root("metadata").child("labels").key("app"), "metadata.labels[app]"),
                arguments(spec.child("template", "spec").child("volumes").index(0), "spec.template.spec.volumes[0]"),
                arguments(spec.child("a").index(2).index(3), "spec.a[2][3]"),
                arguments(spec.child("selector").key("k8s.io/app").child("x"), "spec.selector[k8s.io/app].x"),
                arguments(FieldPath.root("values").index(0).key("app"), "values[0][app]"));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void rendersAsKubernetes(FieldPath path, String expected) {
        assertThat(path).hasToString(expected);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void isImmutableAndComparable(FieldPath path, String expected) {
        FieldPath extended = path.child("more");
        assertThat(path).hasToString(expected);
        assertThat(extended.parent()).isEqualTo(path).hasSameHashCodeAs(path);
        assertThat(extended).isNotEqualTo(path);
    }
}
