package io.skiff.storage.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.storage.KeyValue;
import io.skiff.storage.StorageOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a process in the middle of writing loses no write it had acknowledged. */
class SqliteCrashSafetyTest {
    private static final String EOF = "\u0000EOF";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void killNineLosesNoAcknowledgedWrite() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDir.toString())
                .redirectError(dataDir.resolve("child-stderr.log").toFile())
                .start();
        BlockingQueue<String> acknowledged = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = child.inputReader(UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(line.substring(4));
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child dies: what was read is what was acknowledged
            }
            acknowledged.add(EOF);
        });
        List<String> keys = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (keys.size() < 2000 && System.nanoTime() < deadline) {
                String key = acknowledged.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    assertThat(key).as("the writer died early; see child-stderr.log").isNotEqualTo(EOF);
                    keys.add(key);
                }
            }
            assertThat(keys).as("acknowledged writes before the kill").hasSizeGreaterThanOrEqualTo(2000);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-transaction
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        reader.join(10_000);
        for (String key; (key = acknowledged.poll()) != null && !key.equals(EOF); ) {
            keys.add(key); // acknowledged in the last moments, still in the pipe
        }

        try (SqliteStorage reopened = SqliteStorage.open(StorageOptions.sqlite(dataDir)
                .withCompactionRetention(Duration.ZERO))) {
            for (String key : keys) {
                KeyValue kv = reopened.get(key).orElse(null);
                assertThat(kv).as("acknowledged key %s after kill -9", key).isNotNull();
                assertThat(new String(kv.value(), UTF_8)).isEqualTo("value of " + key);
            }
            // and the store is usable: revisions go on from where they were
            long revision = reopened.currentRevision();
            assertThat(revision).isGreaterThanOrEqualTo(keys.size() + 1);
            assertThat(reopened.create("/crash/after", new byte[0]).modRevision()).isEqualTo(revision + 1);
        }
        assertThat(Files.readString(dataDir.resolve("child-stderr.log"))).doesNotContain("create failed");
    }
}
