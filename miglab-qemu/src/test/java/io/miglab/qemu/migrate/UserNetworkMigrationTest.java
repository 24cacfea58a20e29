package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.launch.UserNetwork;
import io.miglab.qemu.launch.Workload;
import io.miglab.qemu.testing.RealQemu;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A guest with a NIC on QEMU's user-mode network (virtio-net-pci, port forward on 127.0.0.1) migrates live under
 * QEMU 10 and TCG, and its httpd answers on the destination's forward (about 15 s).
 */
@Tag("qemu")
class UserNetworkMigrationTest {
    // Guards against a destination started without the source's NIC (the migration fails on the unknown device),
    // a forward that is not on loopback, and a guest whose network does not survive the switch-over.
    @Test
    void anHttpdGuestMigratesAndAnswersOnTheDestinationsForward() throws Exception {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100));
        QemuRunOptions options = QemuRunOptions.defaults().withGuestWorkload(Workload.HTTPD);
        try (QemuSession session = QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(spec, options),
                Duration.ofSeconds(60))) {
            UserNetwork source = session.source().network().orElseThrow();
            assertThat(get(source, Duration.ofSeconds(10))).startsWith("HTTP/1.").contains(" 200 ")
                    .contains("miglab guest httpd");

            QemuRun run = session.migrate(spec, options);
            assertThat(run.result().outcome().completed()).isTrue();
            assertThat(run.counterContinued()).isTrue();
            assertThat(run.result().assumptions().get(0)).endsWith("workload=httpd");
            assertThat(run.sourceRunState()).isEqualTo("postmigrate");

            UserNetwork destination = session.lastDestination().orElseThrow().network().orElseThrow();
            assertThat(destination.hostPort()).isNotEqualTo(source.hostPort());
            assertThat(get(destination, Duration.ofSeconds(10))).contains(" 200 ").contains("miglab guest httpd");
            // the source's forward still accepts, but no guest is behind it any more
            assertThat(get(source, Duration.ofSeconds(1))).isEqualTo("(timeout)");
        }
    }

    /** One HTTP/1.0 request; the whole response, or "(timeout)". */
    private static String get(UserNetwork net, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(net.hostAddress(), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(timeout)";
        }
    }
}
