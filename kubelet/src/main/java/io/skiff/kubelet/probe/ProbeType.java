package io.skiff.kubelet.probe;

/** Which question a probe answers: restart the container (liveness) or send it traffic (readiness). */
public enum ProbeType {
    LIVENESS("Liveness"),
    READINESS("Readiness");

    private final String display;

    ProbeType(String display) {
        this.display = display;
    }

    /** As Kubernetes words it in events: {@code Liveness probe failed: ...}. */
    public String display() {
        return display;
    }
}
