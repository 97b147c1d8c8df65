package io.skiff.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.api.codec.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strategic merge patch, case by case: original, patch, expected (single quotes for readability). */
class StrategicMergePatchTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("maps merge, null deletes",
                        "{'metadata':{'labels':{'a':'1','b':'2'}}}", "{'metadata':{'labels':{'b':null,'c':'3'}}}",
                        "{'metadata':{'labels':{'a':'1','c':'3'}}}"),
                Arguments.of("containers merge by name, order kept, new ones appended",
                        "{'spec':{'containers':[{'name':'a','image':'a1'},{'name':'b','image':'b1'}]}}",
                        "{'spec':{'containers':[{'name':'b','image':'b2'},{'name':'c','image':'c1'}]}}",
                        "{'spec':{'containers':[{'name':'a','image':'a1'},{'name':'b','image':'b2'},{'name':'c','image':'c1'}]}}"),
                Arguments.of("$patch delete removes an element by key",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'containers':[{'name':'a','$patch':'delete'}]}}",
                        "{'spec':{'containers':[{'name':'b'}]}}"),
                Arguments.of("$patch replace on a list replaces it",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'containers':[{'$patch':'replace'},{'name':'z'}]}}",
                        "{'spec':{'containers':[{'name':'z'}]}}"),
                Arguments.of("$patch replace on a map replaces it",
                        "{'spec':{'nodeSelector':{'a':'1','b':'2'}}}",
                        "{'spec':{'nodeSelector':{'$patch':'replace','c':'3'}}}",
                        "{'spec':{'nodeSelector':{'c':'3'}}}"),
                Arguments.of("$patch delete on a map removes it",
                        "{'spec':{'nodeSelector':{'a':'1'},'x':1}}",
                        "{'spec':{'nodeSelector':{'$patch':'delete'}}}",
                        "{'spec':{'x':1}}"),
                Arguments.of("nested lists: env by name, ports by containerPort, mounts by mountPath",
                        "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}],'ports':[{'containerPort':80}],"
                                + "'volumeMounts':[{'name':'v','mountPath':'/a'}]}]}}",
                        "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'},{'name':'Y','value':'3'}],"
                                + "'ports':[{'containerPort':80,'protocol':'TCP'}],'volumeMounts':[{'name':'w','mountPath':'/b'}]}]}}",
                        "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'},{'name':'Y','value':'3'}],"
                                + "'ports':[{'containerPort':80,'protocol':'TCP'}],"
                                + "'volumeMounts':[{'name':'v','mountPath':'/a'},{'name':'w','mountPath':'/b'}]}]}}"),
                Arguments.of("lists without a strategy are replaced",
                        "{'spec':{'containers':[{'name':'a','command':['sh','-c','x']}]}}",
                        "{'spec':{'containers':[{'name':'a','command':['true']}]}}",
                        "{'spec':{'containers':[{'name':'a','command':['true']}]}}"),
                Arguments.of("finalizers merge as a set; $deleteFromPrimitiveList removes",
                        "{'metadata':{'finalizers':['a','b']}}",
                        "{'metadata':{'finalizers':['b','c'],'$deleteFromPrimitiveList/finalizers':['a']}}",
                        "{'metadata':{'finalizers':['b','c']}}"),
                Arguments.of("$setElementOrder orders a merged list (kubectl apply)",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}],'containers':[{'name':'a','image':'x'}]}}",
                        "{'spec':{'containers':[{'name':'b'},{'name':'a','image':'x'}]}}"),
                Arguments.of("conditions merge by type",
                        "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'PodScheduled','status':'True'}]}}",
                        "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
                        "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'PodScheduled','status':'True'}]}}"),
                Arguments.of("directives never reach the result",
                        "{}", "{'spec':{'containers':[{'name':'a','$patch':'merge'}]}}",
                        "{'spec':{'containers':[{'name':'a'}]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pod(String description, String original, String patch, String expected) throws Exception {
        StrategicMergePatch smp = new StrategicMergePatch("Pod");
        assertThat(smp.apply(json(original), json(patch))).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void malformedPatchesAreRefused(String description, String patch) {
        StrategicMergePatch smp = new StrategicMergePatch("Pod");
        assertThatThrownBy(() -> smp.apply(json("{'spec':{'containers':[{'name':'a'}]}}"), json(patch)))
                .isInstanceOf(PatchException.class);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("not an object", "[1]"),
                Arguments.of("an element without its merge key", "{'spec':{'containers':[{'image':'x'}]}}"),
                Arguments.of("an element that is not an object", "{'spec':{'containers':['a']}}"),
                Arguments.of("an unknown directive", "{'spec':{'$patch':'explode'}}"));
    }

    static com.fasterxml.jackson.databind.JsonNode json(String singleQuoted) throws Exception {
        return Json.readTree(singleQuoted.replace('\'', '"'));
    }
}
