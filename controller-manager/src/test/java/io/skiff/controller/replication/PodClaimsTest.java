package io.skiff.controller.replication;

import static io.skiff.controller.testing.TestObjects.ownedBy;
import static io.skiff.controller.testing.TestObjects.pod;
import static io.skiff.controller.testing.TestObjects.rc;
import static io.skiff.controller.testing.TestObjects.terminating;
import static io.skiff.controller.testing.TestObjects.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Pod;
import io.skiff.api.core.ReplicationController;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodClaimsTest {
    enum Claim { OWNED, ADOPT, RELEASE, IGNORE }

    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final ReplicationController RC = rc("default", "web", 3, WEB);
    private static final ReplicationController OTHER = rc("default", "other", 3, Map.of("app", "other"));
    private static final ReplicationController SAME_NAME_NEW_UID = RC.withMetadata(RC.metadata().withUid("uid-reborn"));

    static Stream<Arguments> cases() {
        Pod matching = withLabels(pod("p"), Map.of("app", "web", "extra", "x"));
        Pod notMatching = withLabels(pod("p"), Map.of("app", "api"));
        return Stream.of(
                Arguments.of("owned and matching", RC, ownedBy(matching, RC), Claim.OWNED),
                Arguments.of("owned, labels changed away", RC, ownedBy(notMatching, RC), Claim.RELEASE),
                Arguments.of("orphan matching", RC, matching, Claim.ADOPT),
                Arguments.of("orphan not matching", RC, notMatching, Claim.IGNORE),
                Arguments.of("no labels at all", RC, pod("bare"), Claim.IGNORE),
                Arguments.of("controlled by another RC, matching", RC, ownedBy(matching, OTHER), Claim.IGNORE),
                Arguments.of("controlled by a predecessor of the same name", SAME_NAME_NEW_UID, ownedBy(matching, RC),
                        Claim.IGNORE),
                Arguments.of("orphan being deleted is not adopted", RC, terminating(matching), Claim.IGNORE),
                Arguments.of("owned pod being deleted, not matching: not released", RC,
                        terminating(ownedBy(notMatching, RC)), Claim.IGNORE),
                Arguments.of("owned pod being deleted, matching: still owned", RC, terminating(ownedBy(matching, RC)),
                        Claim.OWNED),
                Arguments.of("a controller being deleted adopts nothing", deleting(RC), matching, Claim.IGNORE),
                Arguments.of("a controller being deleted releases nothing", deleting(RC), ownedBy(notMatching, RC),
                        Claim.IGNORE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void claims(String description, ReplicationController rc, Pod pod, Claim expected) {
        PodClaims c = PodClaims.of(rc, List.of(pod));
        Claim actual = !c.owned().isEmpty() ? Claim.OWNED : !c.toAdopt().isEmpty() ? Claim.ADOPT
                : !c.toRelease().isEmpty() ? Claim.RELEASE : Claim.IGNORE;
        assertThat(actual).isEqualTo(expected);
        assertThat(c.owned().size() + c.toAdopt().size() + c.toRelease().size()).isLessThanOrEqualTo(1);
    }

    private static ReplicationController deleting(ReplicationController rc) {
        return rc.withMetadata(rc.metadata().withDeletionTimestamp(Instant.parse("2024-01-01T00:00:00Z")));
    }
}
