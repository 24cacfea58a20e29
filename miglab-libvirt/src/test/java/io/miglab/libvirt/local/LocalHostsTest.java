package io.miglab.libvirt.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.libvirt.testing.RealLibvirt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

/** The two local daemons the libvirt tests stand on, and their removal on every path. */
class LocalHostsTest {
    @TempDir
    Path tmp;

    // Guards against two daemons that libvirt takes for one host (it refuses a migration to the same host by host
    // UUID), and against daemons or folders left behind by close().
    @Test
    void twoDaemons_areTwoHosts_andCloseRemovesEverything() throws Exception {
        Path folder;
        long[] pids = new long[2];
        try (LocalHosts hosts = RealLibvirt.hosts(2)) {
            folder = hosts.folder();
            Connect a = new Connect(hosts.daemon(0).uri());
            Connect b = new Connect(hosts.daemon(1).uri());
            assertThat(hostUuid(a)).isNotEqualTo(hostUuid(b));
            a.close();
            b.close();
            for (int i = 0; i < 2; i++) {
                pids[i] = Long.parseLong(Files.readString(hosts.daemon(i).folder().resolve("libvirtd.pid")).strip());
                assertThat(ProcessHandle.of(pids[i])).isPresent();
            }
        }
        assertThat(folder).doesNotExist();
        for (long pid : pids) assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    // Guards the sweep of a JVM that died without its shutdown hook (SIGKILL): the next start ends what its pid
    // files name and deletes its folder, and leaves the folders of live owners alone.
    @Test
    void leftoversOfADeadOwner_areSweptByPidFile() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path left = Files.createDirectories(tmp.resolve("miglab-lv-old/host-a/run/libvirt/qemu/run"));
        Files.writeString(tmp.resolve("miglab-lv-old/owner.pid"), Long.toString(dead.pid()));
        Process qemu = new ProcessBuilder("sleep", "300").start();
        Files.writeString(left.resolve("guest.pid"), Long.toString(qemu.pid()));
        Path live = Files.createDirectories(tmp.resolve("miglab-lv-live"));
        Files.writeString(live.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));

        LocalHosts.sweepLeftovers(tmp);

        assertThat(qemu.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(tmp.resolve("miglab-lv-old")).doesNotExist();
        assertThat(live).exists();
    }

    private static String hostUuid(Connect c) throws Exception {
        String caps = c.getCapabilities();
        int i = caps.indexOf("<uuid>");
        return caps.substring(i + 6, caps.indexOf("</uuid>", i));
    }
}
