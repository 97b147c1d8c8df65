package io.skiff.client;

/** The three PATCH flavours the apiserver accepts, by their Content-Type. */
public enum PatchType {
    /** RFC 7386: a partial object; null deletes a field; lists are replaced whole. */
    MERGE("application/merge-patch+json"),
    /** RFC 6902: a list of {@code {"op","path","value"}} operations. */
    JSON("application/json-patch+json"),
    /** Kubernetes' merge that merges lists of named things (containers, ports) by key. */
    STRATEGIC("application/strategic-merge-patch+json");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
