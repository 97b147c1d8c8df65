package io.skiff.api.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The path from an object's root to one of its fields, as Kubernetes' {@code field.Path} prints it:
 * {@code FieldPath.root("spec").child("containers").index(1).child("name")} is
 * {@code spec.containers[1].name}, and {@code root("metadata").child("labels").key("app")} is
 * {@code metadata.labels[app]}. Immutable; every step returns a new path sharing its parent.
 */
public final class FieldPath {

    private final FieldPath parent;
    /** The field name, or null when this element subscripts its parent. */
    private final String name;
    /** The list index or map key, when {@link #name} is null. */
    private final String subscript;

    private FieldPath(FieldPath parent, String name, String subscript) {
        this.parent = parent;
        this.name = name;
        this.subscript = subscript;
    }

    /** A root path, e.g. {@code root("metadata")} or {@code root("spec", "template")}. */
    public static FieldPath root(String name, String... moreNames) {
        FieldPath path = new FieldPath(null, Objects.requireNonNull(name, "name"), null);
        for (String next : moreNames) {
            path = new FieldPath(path, Objects.requireNonNull(next, "name"), null);
        }
        return path;
    }

    /** This path followed by a field name (the common case, without a varargs array). */
    public FieldPath child(String name) {
        return new FieldPath(this, Objects.requireNonNull(name, "name"), null);
    }

    /** This path followed by one or more field names. */
    public FieldPath child(String name, String... moreNames) {
        FieldPath path = new FieldPath(this, Objects.requireNonNull(name, "name"), null);
        for (String next : moreNames) {
            path = new FieldPath(path, Objects.requireNonNull(next, "name"), null);
        }
        return path;
    }

    /** This path subscripted by a list index: {@code containers[1]}. */
    public FieldPath index(int index) {
        return new FieldPath(this, null, Integer.toString(index));
    }

    /** This path subscripted by a map key: {@code labels[app]}. */
    public FieldPath key(String key) {
        return new FieldPath(this, null, Objects.requireNonNull(key, "key"));
    }

    /** The path one step up, or null for a root. */
    public FieldPath parent() {
        return parent;
    }

    @Override
    public String toString() {
        Deque<FieldPath> elements = new ArrayDeque<>();
        for (FieldPath p = this; p != null; p = p.parent) {
            elements.push(p);
        }
        StringBuilder out = new StringBuilder();
        for (FieldPath p : elements) {
            if (p.name != null) {
                if (p.parent != null && !p.name.isEmpty()) {
                    out.append('.');
                }
                out.append(p.name);
            } else {
                out.append('[').append(p.subscript).append(']');
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
