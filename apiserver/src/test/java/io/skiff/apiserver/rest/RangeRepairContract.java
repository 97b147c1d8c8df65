package io.skiff.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.api.core.Service;
import io.skiff.apiserver.registry.RangeRepair;
import io.skiff.apiserver.registry.Registry;
import io.skiff.apiserver.registry.ServiceStrategy;
import io.skiff.apiserver.testing.HttpTestClient.Response;
import io.skiff.storage.KeyNotFoundException;
import io.skiff.storage.KeyValue;
import io.skiff.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repair of leaked cluster IP and node port reservations, pass by pass on the server's own
 * {@link RangeRepair} (its 3-minute loop never fires during a test): a key no stored Service
 * holds goes on the second pass that sees it so, never the first; held keys, creates in flight
 * and keys re-made between passes stay; a Service's missing keys come back.
 */
abstract class RangeRepairContract extends RestTestSupport {

    /** What a case leaves in storage: the reservation key to follow, and what happens after the first pass. */
    record Scenario(String key, Step afterFirstPass) {}

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Setup {
        Scenario arrange(String namespace) throws Exception;
    }

    /** @param presentAfterPasses whether the key is there after pass 1, 2, ... */
    record Case(String name, Setup setup, List<Boolean> presentAfterPasses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Step NOTHING = () -> {};

    Stream<Case> cases() {
        return Stream.of(
                new Case("cluster IP of a create that died before storing its service",
                        ns -> new Scenario(ipKey(strategy().ips().allocateNext(ns + "/ghost")), NOTHING),
                        List.of(true, false)),
                new Case("node port of a create that died before storing its service",
                        ns -> new Scenario(portKey(strategy().nodePorts().allocateNext(ns + "/ghost")), NOTHING),
                        List.of(true, false)),
                new Case("cluster IP of a service deleted by a server that died before releasing it",
                        ns -> new Scenario(ipKey(deletedWithoutRelease(ns, "a").ip()), NOTHING), List.of(true, false)),
                new Case("node port of a service deleted by a server that died before releasing it",
                        ns -> new Scenario(portKey(deletedWithoutRelease(ns, "a").port()), NOTHING), List.of(true, false)),
                new Case("cluster IP of a stored service",
                        ns -> new Scenario(ipKey(create(ns, "a").ip()), NOTHING), List.of(true, true, true)),
                new Case("node port of a stored service",
                        ns -> new Scenario(portKey(create(ns, "a").port()), NOTHING), List.of(true, true, true)),
                new Case("a create in flight: its service is stored after the first pass", ns -> {
                    Held held = create(ns, "a");
                    KeyValue stored = api.storage().delete(services().key(ns, "a"), 0);
                    return new Scenario(ipKey(held.ip()), () -> api.storage().create(stored.key(), stored.value()));
                }, List.of(true, true, true)),
                new Case("a leak released and re-reserved between the passes: a new suspect", ns -> {
                    String key = portKey(strategy().nodePorts().allocateNext(ns + "/ghost"));
                    return new Scenario(key, () -> remake(key, ns + "/other"));
                }, List.of(true, true, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aReservationGoesOnlyWhenTwoPassesInARowSeeItHeldByNoService(Case c) throws Exception {
        Scenario s = c.setup().arrange(namespace());
        boolean before = true;
        for (int pass = 1; pass <= c.presentAfterPasses().size(); pass++) {
            RangeRepair.Outcome outcome = repair().runOnce();
            boolean present = api.storage().get(s.key()).isPresent();
            assertThat(present).as("%s after pass %d", s.key(), pass).isEqualTo(c.presentAfterPasses().get(pass - 1));
            assertThat(outcome.freed().contains(s.key())).as("freed by pass %d", pass).isEqualTo(before && !present);
            before = present;
            if (pass == 1) {
                s.afterFirstPass().run();
            }
        }
    }

    @Test
    void aServiceWhoseReservationsAreMissingGetsThemBackAndKeepsThem() throws Exception {
        String ns = namespace();
        Held held = create(ns, "restored");
        api.storage().delete(ipKey(held.ip()), 0);
        api.storage().delete(portKey(held.port()), 0);

        RangeRepair.Outcome outcome = repair().runOnce();
        assertThat(outcome.reserved()).contains(ipKey(held.ip()), portKey(held.port()));
        assertThat(owner(ipKey(held.ip()))).isEqualTo(ns + "/restored");
        assertThat(owner(portKey(held.port()))).isEqualTo(ns + "/restored");
        Response taken = http.post(services(ns), service("other", held.ip(), held.port()));
        assertThat(taken.code()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.text("message")).contains("provided IP is already allocated", "provided port is already allocated");

        repair().runOnce();
        assertThat(repair().runOnce().freed()).doesNotContain(ipKey(held.ip()), portKey(held.port()));
        assertThat(allocated("serviceips", ns)).containsExactly(held.ip());
        assertThat(allocated("servicenodeports", ns)).containsExactly(Integer.toString(held.port()));
    }

    @Test
    void aFreedClusterIpAndNodePortGoToTheNextServiceThatAsksForThem() throws Exception {
        String ns = namespace();
        Held leaked = deletedWithoutRelease(ns, "gone");
        String body = service("next", leaked.ip(), leaked.port());
        Response refused = http.post(services(ns), body);
        assertThat(refused.code()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("message")).contains("provided IP is already allocated", "provided port is already allocated");

        assertThat(repair().runOnce().freed()).doesNotContain(ipKey(leaked.ip()), portKey(leaked.port()));
        assertThat(repair().runOnce().freed()).contains(ipKey(leaked.ip()), portKey(leaked.port()));
        Response created = http.post(services(ns), body);
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/spec/clusterIP").asText()).isEqualTo(leaked.ip());
        assertThat(created.json().at("/spec/ports/0/nodePort").asInt()).isEqualTo(leaked.port());
        assertThat(owner(ipKey(leaked.ip()))).isEqualTo(ns + "/next");
        assertThat(owner(portKey(leaked.port()))).isEqualTo(ns + "/next");
    }

    /** A suspect re-reserved while the second pass runs: whichever goes first, the new reservation survives. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReReservationRacingTheFreeingPassIsNeverLost() throws Exception {
        String ns = namespace();
        for (int round = 0; round < 20; round++) {
            String key = ipKey(strategy().ips().allocateNext(ns + "/ghost"));
            repair().runOnce();
            CompletableFuture<Void> remade = CompletableFuture.runAsync(() -> remake(key, ns + "/racer"));
            repair().runOnce();
            remade.get(30, TimeUnit.SECONDS);
            assertThat(owner(key)).as("round %d", round).isEqualTo(ns + "/racer");
            api.storage().delete(key, 0);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The cluster IP and node port a NodePort service got. */
    record Held(String ip, int port) {}

    private Held create(String ns, String name) {
        Response r = http.post(services(ns), NodePortContract.nodePortService(name, 0));
        assertThat(r.code()).as(r.toString()).isEqualTo(201);
        return new Held(r.json().at("/spec/clusterIP").asText(), r.json().at("/spec/ports/0/nodePort").asInt());
    }

    /** A service whose key a dying server deleted without releasing its values. */
    private Held deletedWithoutRelease(String ns, String name) throws StorageException {
        Held held = create(ns, name);
        api.storage().delete(services().key(ns, name), 0);
        return held;
    }

    /** Released and reserved again by someone else: the same key, a new modRevision. */
    private void remake(String key, String owner) {
        try {
            try {
                api.storage().delete(key, 0);
            } catch (KeyNotFoundException e) {
                // the repair freed it first
            }
            api.storage().create(key, owner.getBytes(StandardCharsets.UTF_8));
        } catch (StorageException e) {
            throw new AssertionError(e);
        }
    }

    private static String service(String name, String clusterIp, int nodePort) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"" + clusterIp
                + "\",\"selector\":{\"app\":\"x\"},\"ports\":[{\"port\":80,\"nodePort\":" + nodePort + "}]}}";
    }

    private String owner(String key) throws StorageException {
        return api.storage().get(key).map(kv -> new String(kv.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    private RangeRepair repair() {
        return api.server().rangeRepair();
    }

    private ServiceStrategy strategy() {
        return api.server().registries().serviceStrategy();
    }

    private Registry<Service> services() {
        return api.server().registries().services();
    }

    private static String services(String ns) {
        return "/api/v1/namespaces/" + ns + "/services";
    }

    private String ipKey(String ip) {
        return api.server().config().registryRoot() + "/ranges/serviceips/" + ip;
    }

    private String portKey(int port) {
        return api.server().config().registryRoot() + "/ranges/servicenodeports/" + port;
    }
}
