package io.miglab.libvirt.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.local.LocalHosts;
import io.miglab.libvirt.testing.RealLibvirt;
import io.miglab.qemu.migrate.QemuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The same guest and settings (256 MiB, memwriter sweeping 64 MiB at 5,000 pages/s, 100 MiB/s, downtime limit
 * 300 ms) migrated twice by the QEMU backend and twice through libvirt: libvirt drives the same QEMU, so the
 * figures must agree within the spread of the runs.
 */
class LibvirtVsQemuTest {
    private static final int RUNS = 2;

    // Guards against the libvirt backend mapping a spec to other QEMU settings than the QEMU backend (bandwidth
    // in the wrong unit, a missing downtime limit) or reading libvirt's figures into the wrong fields.
    @Test
    void libvirtAndQemu_agreeWithinTheSpreadOfRepeatedRuns() {
        MigrationSpec spec = LibvirtMigrationTest.spec(100, 5000);
        List<MigrationResult> qemu = new ArrayList<>();
        List<MigrationResult> libvirt = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) qemu.add(new QemuBackend().migrate(spec));
        try (LocalHosts hosts = RealLibvirt.hosts(2)) {
            LibvirtOptions options = LibvirtOptions.between(hosts.daemon(0).uri(), hosts.daemon(1).uri())
                    .withSerialFolder(hosts.guestFolder()).withListenAddress("127.0.0.1");
            for (int i = 0; i < RUNS; i++) libvirt.add(new LibvirtBackend(options).migrate(spec));
        }
        assertThat(qemu).allMatch(r -> r.outcome().completed());
        assertThat(libvirt).allMatch(r -> r.outcome().completed());
        // data: the same pages at the same rate; within the runs' spread or 10 %
        agree("MiB", qemu, libvirt, r -> r.traffic().bytesTransferred() / 1048576.0, 0.10);
        // time from the first byte to the end (libvirt's elapsed time also holds the destination's start)
        agree("transfer ms", qemu, libvirt, r -> r.timing().totalTimeMs() - r.timing().preparationTimeMs(), 0.25);
        // downtime varies 27-355 ms from run to run on this machine: both under the limit plus the switch-over
        assertThat(libvirt).allMatch(r -> r.timing().downtimeMs() < 1000);
    }

    private static void agree(String what, List<MigrationResult> a, List<MigrationResult> b,
                              ToDoubleFunction<MigrationResult> f, double share) {
        double[] va = a.stream().mapToDouble(f).toArray();
        double[] vb = b.stream().mapToDouble(f).toArray();
        double mean = (avg(va) + avg(vb)) / 2;
        double spread = Math.max(max(va) - min(va), max(vb) - min(vb));
        double allowed = Math.max(spread, share * mean);
        System.out.printf(Locale.ROOT, "%s: qemu %s, libvirt %s, allowed difference %.1f%n", what,
                java.util.Arrays.toString(va), java.util.Arrays.toString(vb), allowed);
        assertThat(Math.abs(avg(va) - avg(vb))).as(what).isLessThanOrEqualTo(allowed);
    }

    private static double avg(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }
}
