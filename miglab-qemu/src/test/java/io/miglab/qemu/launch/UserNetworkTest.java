package io.miglab.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The launcher's user-mode NIC option; no QEMU needed (the real run is in UserNetworkMigrationTest). */
class UserNetworkTest {
    private static final QemuInstallation FAKE = new QemuInstallation(Path.of("/usr/bin/qemu-system-x86_64"),
            List.of(), "10.0.2", Path.of("/g/vmlinux"), Path.of("/g/initramfs.cpio.gz"), Path.of("/g"));

    // Guards against a forward that listens on every interface (the guest's httpd would be reachable from the
    // network) or a NIC model the guest has no driver for.
    @Test
    void theNicIsVirtioOnTheUserNetworkWithAForwardOnLoopbackOnly() {
        QemuLauncher launcher = new QemuLauncher(FAKE, Accel.TCG);
        try (PrivateDir dir = PrivateDir.create("miglab-nic-test-")) {
            GuestConfig guest = new GuestConfig(ByteSize.ofMiB(256), Workload.HTTPD, 1, 0);
            List<String> cmd = launcher.commandLine(guest, "miglab-x-dst", QemuLauncher.Mode.INCOMING, dir,
                    Optional.of(new UserNetwork(40123)));
            int nic = cmd.indexOf("-nic");
            assertThat(nic).isPositive();
            assertThat(cmd.get(nic + 1)).isEqualTo("user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:40123-:80");
            assertThat(Collections.frequency(cmd, "-nic")).isEqualTo(1);
            assertThat(cmd).containsSequence("-incoming", "defer");
            // -nodefaults: without the option there is no NIC at all, not QEMU's default one
            assertThat(launcher.commandLine(guest, "miglab-x-src", QemuLauncher.Mode.BOOT, dir))
                    .doesNotContain("-nic", "-net", "-netdev").contains("-nodefaults");
        }
    }

    // Guards against handing QEMU a port that the probe itself still holds (QEMU could not bind its forward) or one
    // that is not on loopback.
    @Test
    void aFreePortIsOnLoopbackAndReleased() throws Exception {
        UserNetwork a = UserNetwork.onFreePort();
        assertThat(a.hostAddress().getAddress().isLoopbackAddress()).isTrue();
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(a.hostAddress().getAddress(), a.hostPort()));
        }
        assertThatThrownBy(() -> new UserNetwork(0)).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("host-port: 1 to 65535");
    }
}
