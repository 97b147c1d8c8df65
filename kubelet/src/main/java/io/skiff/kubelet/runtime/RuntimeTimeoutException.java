package io.skiff.kubelet.runtime;

import java.time.Duration;

/** The engine did not answer a call in time; the call may or may not have taken effect. */
public class RuntimeTimeoutException extends ContainerRuntimeException {
    private final Duration timeout;

    public RuntimeTimeoutException(String operation, Duration timeout, Throwable cause) {
        super(operation + " did not finish within " + timeout.toMillis() + "ms", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
