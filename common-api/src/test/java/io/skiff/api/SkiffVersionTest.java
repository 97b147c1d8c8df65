package io.skiff.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkiffVersionTest {
    @Test
    void versionComesFromTheBuild() {
        assertThat(SkiffVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
