package io.miglab.qemu.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QMP client against a fake QMP server on a real Unix socket. */
class QmpClientTest {
    @TempDir
    Path dir;

    // Guards against reading the answer from the wrong member (the whole message instead of "return").
    @Test
    void executeReturnsTheReturnMemberAndTheGreetingVersion() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        try (FakeQmpServer server = new FakeQmpServer(socket); QmpClient qmp = QmpClient.connect(socket,
                Duration.ofSeconds(5))) {
            assertThat(qmp.execute("query-status").path("status").asText()).isEqualTo("running");
            assertThat(qmp.qemuVersion()).isEqualTo("10.0.2");
        }
    }

    // Guards against swallowing QEMU's error answer or losing its class and description.
    @Test
    void anErrorAnswerBecomesAQmpExceptionWithClassAndDescription() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        try (FakeQmpServer server = new FakeQmpServer(socket); QmpClient qmp = QmpClient.connect(socket,
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> qmp.execute("boom", Map.of("x", 1)))
                    .isInstanceOf(QmpException.class)
                    .hasMessageContaining("boom").hasMessageContaining("GenericError")
                    .hasMessageContaining("migration process in progress")
                    .satisfies(e -> assertThat(((QmpException) e).errorClass()).contains("GenericError"));
            // the connection is still usable afterwards
            assertThat(qmp.execute("query-status").path("running").asBoolean()).isTrue();
        }
    }

    // Guards against a caller blocked for ever when QEMU never answers.
    @Test
    void noAnswerWithinTheTimeoutThrows() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        try (FakeQmpServer server = new FakeQmpServer(socket); QmpClient qmp = QmpClient.connect(socket,
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> qmp.execute("hang", Map.of(), Duration.ofMillis(200)))
                    .isInstanceOf(QmpException.class).hasMessageContaining("no answer within 200 ms");
        }
    }

    // Guards against a pending command (or a later one) hanging after QEMU closed the socket (e.g. it died).
    @Test
    void aClosedSocketFailsThePendingAndLaterCommands() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        try (FakeQmpServer server = new FakeQmpServer(socket); QmpClient qmp = QmpClient.connect(socket,
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> qmp.execute("bye", Map.of(), Duration.ofSeconds(30)))
                    .isInstanceOf(QmpException.class).hasMessageContaining("closed");
            assertThat(qmp.isOpen()).isFalse();
            assertThatThrownBy(() -> qmp.execute("query-status")).isInstanceOf(QmpException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> qmp.awaitEvent("STOP", Duration.ofSeconds(30)))
                    .isInstanceOf(QmpException.class).hasMessageContaining("closed");
        }
    }

    // Guards against events lost when a message is split across reads, or two arrive in one read.
    @Test
    void eventsAreQueuedInOrderAndCanBeAwaited() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        try (FakeQmpServer server = new FakeQmpServer(socket); QmpClient qmp = QmpClient.connect(socket,
                Duration.ofSeconds(5))) {
            qmp.execute("emit");
            QmpEvent done = qmp.awaitEvent(e -> e.name().equals("MIGRATION")
                    && e.data().path("status").asText().equals("completed"), Duration.ofSeconds(5));
            QmpEvent pass = qmp.awaitEvent("MIGRATION_PASS", Duration.ofSeconds(5));
            assertThat(pass.data().path("pass").asInt()).isEqualTo(2);
            assertThat(pass.qemuMicros()).isEqualTo(1_700_000_000_000_005L);
            assertThat(done.receivedNanos()).isGreaterThanOrEqualTo(pass.receivedNanos());
            assertThat(qmp.events()).extracting(QmpEvent::name).containsExactly("MIGRATION_PASS", "MIGRATION");
            // each event is handed out once
            assertThatThrownBy(() -> qmp.awaitEvent("MIGRATION_PASS", Duration.ofMillis(100)))
                    .isInstanceOf(QmpException.class).hasMessageContaining("no matching QMP event");
        }
    }

    // Guards against failing when QEMU has not created its socket yet at the first attempt.
    @Test
    void connectWaitsForTheSocketToAppear() throws Exception {
        Path socket = dir.resolve("late.sock");
        CompletableFuture<FakeQmpServer> server = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(300);
                return new FakeQmpServer(socket);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (QmpClient qmp = QmpClient.connect(socket, Duration.ofSeconds(10))) {
            assertThat(qmp.execute("query-status").path("status").asText()).isEqualTo("running");
        } finally {
            server.get().close();
        }
    }

    // Guards against waiting the whole timeout for a QEMU that already died.
    @Test
    void connectGivesUpWhenToldTheServerIsGone() {
        Path socket = dir.resolve("never.sock");
        assertThatThrownBy(() -> QmpClient.connect(socket, Duration.ofMinutes(5), () -> false))
                .isInstanceOf(QmpException.class).hasMessageContaining("cannot connect");
    }
}
