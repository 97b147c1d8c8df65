package io.skiff.kubelet.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.skiff.kubelet.runtime.ContainerState;
import java.io.IOException;
import java.net.SocketException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void dockersMessageIsTakenFromItsJsonErrorBody() {
        assertThat(DockerErrors.message(new NotFoundException("{\"message\":\"No such container: abc\"}\n")))
                .isEqualTo("No such container: abc");
        assertThat(DockerErrors.message(new ConflictException("plain text conflict"))).isEqualTo("plain text conflict");
        assertThat(DockerErrors.message(new RuntimeException(new IOException(new SocketException("Connection refused")))))
                .isEqualTo("Connection refused");
    }

    @Test
    void unreachableEnginesAreNamedAsSuch() {
        assertThat(DockerErrors.translate("list containers", new RuntimeException(new IOException("No such file"))))
                .hasMessage("list containers: cannot talk to the container engine: No such file");
    }

    @Test
    void dockerStatesMapToTheFourSyncPodKnows() {
        Map<String, ContainerState> cases = Map.of(
                "created", ContainerState.CREATED,
                "running", ContainerState.RUNNING,
                "paused", ContainerState.RUNNING,
                "restarting", ContainerState.RUNNING,
                "exited", ContainerState.EXITED,
                "dead", ContainerState.EXITED,
                "removing", ContainerState.UNKNOWN);
        cases.forEach((docker, state) -> assertThat(DockerContainers.state(docker)).as(docker).isEqualTo(state));
        assertThat(DockerContainers.time("0001-01-01T00:00:00Z")).isNull();
        assertThat(DockerContainers.time("2026-11-27T17:25:05.489448986Z")).hasToString("2026-11-27T17:25:05.489448986Z");
    }
}
