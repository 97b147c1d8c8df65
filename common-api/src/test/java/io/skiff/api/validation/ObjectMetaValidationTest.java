package io.skiff.api.validation;

import static io.skiff.api.validation.Cases.actual;
import static io.skiff.api.validation.Cases.errors;
import static io.skiff.api.validation.KubernetesText.DNS1035_LABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.skiff.api.meta.ObjectMeta;
import io.skiff.api.meta.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Metadata rules the kind tables do not reach: owners, finalizer pairs, deletion fields. */
class ObjectMetaValidationTest {

    private static final FieldPath METADATA = ObjectMetaValidation.METADATA;
    private static final ObjectMeta WEB = ObjectMeta.of("default", "web").withUid("u1").withResourceVersion("5");
    private static final Instant DELETED = Instant.parse("2021-03-02T10:20:00Z");

    static Stream<Arguments> creates() {
        return Stream.of(
                arguments("service names are DNS-1035 labels, generateName masked", WEB.withGenerateName("web-"),
                        NameValidator.DNS_1035_LABEL, errors()),
                arguments("generated prefix starting with a digit", WEB.withGenerateName("1web-"), NameValidator.DNS_1035_LABEL,
                        errors("metadata.generateName: Invalid value: \"1web-\": " + DNS1035_LABEL)),
                arguments("owner in a group without version", WEB.withOwnerReferences(List.of(
                                new OwnerReference("apps/", "ReplicaSet", "web", "u2", null, null))), NameValidator.DNS_SUBDOMAIN,
                        errors("metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty")),
                arguments("owner without kind and name", WEB.withOwnerReferences(List.of(
                                new OwnerReference("v1", "", "", "u2", null, null))), NameValidator.DNS_SUBDOMAIN,
                        errors("metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty")),
                arguments("an event cannot own", WEB.withOwnerReferences(List.of(
                                new OwnerReference("v1", "Event", "e", "u2", null, null))), NameValidator.DNS_SUBDOMAIN,
                        errors("metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:\"v1\", Kind:\"Event\", "
                                + "Name:\"e\", UID:\"u2\", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: "
                                + "/v1, Kind=Event is disallowed from being an owner")),
                arguments("orphan and foreground together", WEB.withFinalizers(List.of("orphan", "foregroundDeletion")),
                        NameValidator.DNS_SUBDOMAIN,
                        errors("metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer "
                                + "orphan and foregroundDeletion cannot be both set")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void validatesCreates(String rule, ObjectMeta meta, NameValidator names, List<Cases.Expected> expected) {
        assertThat(actual(ObjectMetaValidation.validate(meta, true, names, METADATA))).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                arguments("labels added", WEB, WEB.withLabels(java.util.Map.of("app", "web")), errors()),
                arguments("deletion started by the apiserver, not an update", WEB, WEB.withDeletionTimestamp(DELETED),
                        errors("metadata.deletionTimestamp: Invalid value: 2021-03-02 10:20:00 +0000 UTC: field is immutable")),
                arguments("grace period changed", WEB.withDeletionGracePeriodSeconds(30L), WEB.withDeletionGracePeriodSeconds(0L),
                        errors("metadata.deletionGracePeriodSeconds: Invalid value: 0: field is immutable")),
                arguments("finalizer removed during deletion", WEB.withDeletionTimestamp(DELETED).withFinalizers(List.of("example.com/a")),
                        WEB.withDeletionTimestamp(DELETED).withFinalizers(List.of()), errors()),
                arguments("new namespace and uid", WEB, WEB.withNamespace("other").withUid("u9"),
                        errors("metadata.namespace: Invalid value: \"other\": field is immutable",
                                "metadata.uid: Invalid value: \"u9\": field is immutable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void validatesUpdates(String rule, ObjectMeta oldMeta, ObjectMeta newMeta, List<Cases.Expected> expected) {
        assertThat(actual(ObjectMetaValidation.validateUpdate(newMeta, oldMeta, METADATA))).containsExactlyElementsOf(expected);
    }
}
