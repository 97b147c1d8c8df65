package io.skiff.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void rendersPrometheusText() {
        Metrics m = new Metrics();
        m.counter("skiff_controller_syncs_total", "Keys synced.", "controller", "replication").add(3);
        m.counter("skiff_controller_syncs_total", "Keys synced.", "controller", "endpoints").increment();
        m.counter("skiff_controller_syncs_total", "Keys synced.", "controller", "replication").increment();
        m.gauge("workqueue_depth", "Depth.", () -> 7, "name", "say \"hi\"");
        m.gauge("ratio", "A ratio.", () -> 0.5);
        assertThat(m.render()).isEqualTo("""
                # HELP ratio A ratio.
                # TYPE ratio gauge
                ratio 0.5
                # HELP skiff_controller_syncs_total Keys synced.
                # TYPE skiff_controller_syncs_total counter
                skiff_controller_syncs_total{controller="endpoints"} 1
                skiff_controller_syncs_total{controller="replication"} 4
                # HELP workqueue_depth Depth.
                # TYPE workqueue_depth gauge
                workqueue_depth{name="say \\"hi\\""} 7
                """);
    }
}
