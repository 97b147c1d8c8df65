package io.skiff.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchesTest {
    static Stream<Arguments> mergePatches() {
        // RFC 7386 appendix A, a selection
        return Stream.of(
                Arguments.of("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
                Arguments.of("{'a':'b'}", "{'a':null}", "{}"),
                Arguments.of("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
                Arguments.of("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
                Arguments.of("{'e':null}", "{'a':1}", "{'e':null,'a':1}"));
    }

    @ParameterizedTest
    @MethodSource("mergePatches")
    void mergePatch(String target, String patch, String expected) throws Exception {
        assertThat(Patches.apply(Patches.Type.MERGE_PATCH, json(target), json(patch), "Pod")).isEqualTo(json(expected));
    }

    @ParameterizedTest
    @MethodSource("jsonPatches")
    void jsonPatch(String target, String patch, String expected, Boolean malformed) throws Exception {
        if (expected != null) {
            assertThat(Patches.apply(Patches.Type.JSON_PATCH, json(target), json(patch), "Pod")).isEqualTo(json(expected));
        } else {
            PatchException e = catchThrowableOfType(PatchException.class,
                    () -> Patches.apply(Patches.Type.JSON_PATCH, json(target), json(patch), "Pod"));
            assertThat(e.malformed()).isEqualTo(malformed);
        }
    }

    static Stream<Arguments> jsonPatches() {
        return Stream.of(
                Arguments.of("{'a':1}", "[{'op':'replace','path':'/a','value':2}]", "{'a':2}", null),
                Arguments.of("{'a':1}", "[{'op':'test','path':'/a','value':1},{'op':'remove','path':'/a'}]", "{}", null),
                Arguments.of("{'a':[1,2]}", "[{'op':'add','path':'/a/-','value':3}]", "{'a':[1,2,3]}", null),
                Arguments.of("{'a':1}", "[{'op':'move','from':'/a','path':'/b'}]", "{'b':1}", null),
                Arguments.of("{'a':1}", "[{'op':'test','path':'/a','value':2}]", null, false),
                Arguments.of("{'a':1}", "[{'op':'remove','path':'/nope'}]", null, false),
                Arguments.of("{'a':1}", "[{'op':'explode','path':'/a'}]", null, true),
                Arguments.of("{'a':1}", "{'op':'add'}", null, true));
    }

    static com.fasterxml.jackson.databind.JsonNode json(String singleQuoted) throws Exception {
        return StrategicMergePatchTest.json(singleQuoted);
    }
}
