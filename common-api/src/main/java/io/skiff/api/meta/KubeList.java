package io.skiff.api.meta;

import java.util.List;

/**
 * A list of one kind ({@code PodList}, {@code NodeList}, ...). Unlike the item kinds, a list
 * carries apiVersion and kind as fields: one generic record serves every list kind.
 */
public record KubeList<T extends KubeObject>(String apiVersion, String kind, ListMeta metadata, List<T> items)
        implements ApiObject {

    /** The list of {@code itemKind} objects, e.g. {@code of("v1", "Pod", ...)} is a PodList. */
    public static <T extends KubeObject> KubeList<T> of(
            String apiVersion, String itemKind, ListMeta metadata, List<T> items) {
        return new KubeList<>(apiVersion, listKind(itemKind), metadata, items);
    }

    public static String listKind(String itemKind) {
        return itemKind + "List";
    }

    /** The kind of the items: {@code PodList} -> {@code Pod}. */
    public String itemKind() {
        return kind != null && kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : kind;
    }
}
