package io.skiff.kubelet.volume;

import io.skiff.api.core.Pod;
import io.skiff.api.core.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pod volumes on this node's disk. An {@code emptyDir} is a directory under
 * {@code <root-dir>/pods/<uid>/volumes/kubernetes.io~empty-dir/<name>} that lives as long as the
 * pod on this node; a {@code hostPath} is the node's own path, created first when its type says
 * so. The containers bind-mount what {@link #setUp} returns.
 */
public final class VolumeManager {
    private static final Logger log = LoggerFactory.getLogger(VolumeManager.class);
    static final String EMPTY_DIR_PLUGIN = "kubernetes.io~empty-dir";

    private final Path podsDir;

    public VolumeManager(Path rootDir) {
        this.podsDir = rootDir.resolve("pods");
    }

    /** Where an emptyDir of a pod lives. */
    public Path emptyDirPath(String podUid, String volumeName) {
        return podsDir.resolve(podUid).resolve("volumes").resolve(EMPTY_DIR_PLUGIN).resolve(volumeName);
    }

    /**
     * Makes every volume of the pod ready (idempotent) and returns the host path of each by name.
     *
     * @throws VolumeException when a hostPath of type Directory/File is missing, or a directory cannot be made
     */
    public Map<String, Path> setUp(Pod pod) {
        Map<String, Path> paths = new LinkedHashMap<>();
        List<Volume> volumes = pod.spec().volumes() == null ? List.of() : pod.spec().volumes();
        for (Volume v : volumes) {
            if (v.emptyDir() != null) {
                paths.put(v.name(), emptyDir(pod.metadata().uid(), v.name()));
            } else if (v.hostPath() != null) {
                paths.put(v.name(), hostPath(v.name(), v.hostPath()));
            } else {
                throw new VolumeException("volume \"" + v.name() + "\" has no source this kubelet serves"
                        + " (emptyDir, hostPath)");
            }
        }
        return paths;
    }

    private Path emptyDir(String podUid, String name) {
        Path dir = emptyDirPath(podUid, name);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                // Writable by any user a container may run as, as Kubernetes makes an emptyDir.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            return dir;
        } catch (IOException e) {
            throw new VolumeException("cannot create emptyDir volume \"" + name + "\" at " + dir + ": " + e, e);
        }
    }

    private static Path hostPath(String name, Volume.HostPathVolumeSource source) {
        Path path = Path.of(source.path());
        String type = source.type() == null ? Volume.HostPathVolumeSource.TYPE_UNSET : source.type();
        try {
            switch (type) {
                case Volume.HostPathVolumeSource.TYPE_DIRECTORY_OR_CREATE -> Files.createDirectories(path);
                case Volume.HostPathVolumeSource.TYPE_FILE_OR_CREATE -> {
                    if (!Files.exists(path)) {
                        Files.createDirectories(path.getParent());
                        Files.createFile(path);
                    }
                }
                case Volume.HostPathVolumeSource.TYPE_DIRECTORY -> require(name, path, Files.isDirectory(path), "a directory");
                case Volume.HostPathVolumeSource.TYPE_FILE -> require(name, path, Files.isRegularFile(path), "a file");
                default -> { } // unset and the device types: mounted as they are, as Kubernetes does
            }
        } catch (IOException e) {
            throw new VolumeException("cannot prepare hostPath volume \"" + name + "\" at " + path + ": " + e, e);
        }
        return path;
    }

    private static void require(String name, Path path, boolean ok, String what) {
        if (!ok) {
            throw new VolumeException("hostPath volume \"" + name + "\": " + path + " is not " + what);
        }
    }

    /** Removes everything the kubelet keeps for a pod (its emptyDirs); hostPaths are the node's and stay. */
    public void tearDown(String podUid) {
        Path dir = podsDir.resolve(podUid);
        if (!Files.exists(dir)) {
            return;
        }
        deleteRecursively(dir);
        log.info("Removed volumes of pod {}", podUid);
    }

    /** The uids of the pods that have a directory here. */
    public Set<String> podsOnDisk() {
        if (!Files.isDirectory(podsDir)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(podsDir)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the directories of pods that are not in {@code keep}: orphans of pods that are gone. */
    public List<String> cleanupOrphans(Set<String> keep) {
        List<String> removed = new ArrayList<>();
        for (String uid : podsOnDisk()) {
            if (!keep.contains(uid)) {
                tearDown(uid);
                removed.add(uid);
            }
        }
        return removed;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException gone) {
                    // removed meanwhile
                }
            }
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        } catch (IOException e) {
            throw new VolumeException("cannot remove " + dir + ": " + e, e);
        }
    }
}
