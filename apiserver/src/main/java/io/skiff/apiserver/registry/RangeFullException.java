package io.skiff.apiserver.registry;

/** Every value of a range is allocated; worded as Kubernetes' allocators word it. */
public final class RangeFullException extends Exception {
    /** @param what {@code serviceIP} or {@code nodePort} */
    public RangeFullException(String what) {
        super("failed to allocate a " + what + ": range is full");
    }
}
