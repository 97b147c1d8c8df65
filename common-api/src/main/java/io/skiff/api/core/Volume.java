package io.skiff.api.core;

import io.skiff.api.resource.Quantity;

/** A pod volume; exactly one source is set (Skiff serves emptyDir and hostPath). */
public record Volume(String name, HostPathVolumeSource hostPath, EmptyDirVolumeSource emptyDir) {

    public static Volume emptyDir(String name) {
        return new Volume(name, null, new EmptyDirVolumeSource(null, null));
    }

    public static Volume hostPath(String name, String path) {
        return new Volume(name, new HostPathVolumeSource(path, null), null);
    }

    /** A directory of the node. */
    public record HostPathVolumeSource(String path, String type) {
        public static final String TYPE_UNSET = "";
        public static final String TYPE_DIRECTORY_OR_CREATE = "DirectoryOrCreate";
        public static final String TYPE_DIRECTORY = "Directory";
        public static final String TYPE_FILE_OR_CREATE = "FileOrCreate";
        public static final String TYPE_FILE = "File";
        public static final String TYPE_SOCKET = "Socket";
        public static final String TYPE_CHAR_DEVICE = "CharDevice";
        public static final String TYPE_BLOCK_DEVICE = "BlockDevice";
    }

    /** A scratch directory that lives as long as the pod. */
    public record EmptyDirVolumeSource(String medium, Quantity sizeLimit) {
        public static final String MEDIUM_DEFAULT = "";
        public static final String MEDIUM_MEMORY = "Memory";
    }
}
