package io.skiff.storage.sqlite;

import io.skiff.storage.StorageOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link SqliteCrashSafetyTest}: eight threads create keys and print each key
 * only after its create returned (was acknowledged), until the parent kills it with SIGKILL. A
 * bounded loop, so an orphan would stop by itself.
 */
public final class CrashingWriter {
    public static void main(String[] args) throws Exception {
        SqliteStorage storage = SqliteStorage.open(StorageOptions.sqlite(Path.of(args[0]))
                .withCompactionRetention(Duration.ZERO));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    String key = "/crash/t" + thread + "/" + i;
                    try {
                        storage.create(key, ("value of " + key).getBytes(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        System.err.println("create failed: " + e);
                        return;
                    }
                    synchronized (System.out) {
                        System.out.println("ACK " + key); // logging shares stdout: mark our lines
                        System.out.flush();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        storage.close();
    }
}
