package io.skiff.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) a process has used, from {@code /proc/<pid>/stat}, in seconds. */
public final class ProcessCpu {
    private ProcessCpu() {}

    /** utime + stime of a process (clock ticks of 1/100 s); 0 for an unknown pid (e.g. 0). */
    public static double seconds(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (pid <= 0 || !Files.exists(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}
