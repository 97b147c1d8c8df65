package io.skiff.api.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accumulates every {@link FieldError} of one validation, in the order found: validators report all
 * problems, never only the first. Not thread-safe; one validation fills one list.
 */
public final class ErrorList {

    private final List<FieldError> errors = new ArrayList<>();

    public ErrorList add(FieldError error) {
        errors.add(Objects.requireNonNull(error, "error"));
        return this;
    }

    public ErrorList addAll(Collection<FieldError> more) {
        more.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** An immutable copy, in the order the errors were added. */
    public List<FieldError> toList() {
        return List.copyOf(errors);
    }

    /**
     * Kubernetes' {@code ErrorList.ToAggregate().Error()}: identical messages once each; one message
     * alone, several as {@code [a, b]}; the empty string when there is no error.
     */
    public String aggregateMessage() {
        Set<String> messages = new LinkedHashSet<>();
        errors.forEach(e -> messages.add(e.message()));
        if (messages.size() == 1) {
            return messages.iterator().next();
        }
        return messages.isEmpty() ? "" : "[" + String.join(", ", messages) + "]";
    }

    /**
     * The message of the apiserver's 422 Invalid Status (apierrors.NewInvalid), e.g.
     * {@code Pod "x" is invalid: [a, b]}.
     *
     * @param qualifiedKind the kind, qualified by its group unless core: {@code Pod},
     *                      {@code Lease.coordination.k8s.io}
     * @param name          the object's name
     */
    public String summary(String qualifiedKind, String name) {
        String head = qualifiedKind + " " + GoFormat.quote(name == null ? "" : name) + " is invalid";
        return errors.isEmpty() ? head : head + ": " + aggregateMessage();
    }

    @Override
    public String toString() {
        return aggregateMessage();
    }
}
