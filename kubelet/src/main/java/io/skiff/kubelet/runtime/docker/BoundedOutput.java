package io.skiff.kubelet.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Collects command output up to a limit, dropping the rest; written by a stream, read by the caller. */
final class BoundedOutput {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    synchronized void write(byte[] data) {
        int room = limit - bytes.size();
        if (room > 0) {
            bytes.write(data, 0, Math.min(room, data.length));
        }
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
