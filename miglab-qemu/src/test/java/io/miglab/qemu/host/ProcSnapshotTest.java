package io.miglab.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcSnapshotTest {
    private static final long PID = ProcessHandle.current().pid();

    // Guards against reading the wrong fields of this kernel's /proc: the test JVM's own entry must show its CPU
    // growing with work, its memory at least the heap it touched, and its threads.
    @Test
    void theTestJvmsOwnProcEntryParses() throws Exception {
        ProcSnapshot before = ProcSnapshot.read(PID).orElseThrow();
        byte[] touched = new byte[64 << 20];
        for (int i = 0; i < touched.length; i += 4096) touched[i] = 1;
        long sum = 0;
        long until = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() + 300_000_000L;
        while (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() < until) sum += spin();
        ProcSnapshot after = ProcSnapshot.read(PID).orElseThrow();

        String stat = Files.readString(Path.of("/proc/self/stat"));
        assertThat(stat).startsWith(PID + " (");
        assertThat(after.userTicks() + after.systemTicks() - before.userTicks() - before.systemTicks())
                .as("CPU ticks over 300 ms of work (%d)", sum).isGreaterThanOrEqualTo(ClockTicks.perSecond() / 10);
        assertThat(after.rssBytes()).isGreaterThan(64L << 20);
        assertThat(after.peakRssBytes()).isGreaterThanOrEqualTo(after.rssBytes());
        assertThat(after.threads()).isGreaterThanOrEqualTo(2); // main and at least the JVM's own
        assertThat(after.threads()).isCloseTo(taskCount(), org.assertj.core.data.Offset.offset(3));
        assertThat(touched[4096]).isEqualTo((byte) 1);
    }

    // Guards against a command name with spaces and parentheses shifting the fields.
    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "4242 (qemu (x) y) S 1 1 1 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 5 0 1 2 3";
        String status = "Name:\tqemu\nVmHWM:\t  300000 kB\nVmRSS:\t  250000 kB\nThreads:\t5\n";
        ProcSnapshot s = ProcSnapshot.parse(7, stat, status);
        assertThat(s.userTicks()).isEqualTo(1234);
        assertThat(s.systemTicks()).isEqualTo(567);
        assertThat(s.rssBytes()).isEqualTo(250000L * 1024);
        assertThat(s.peakRssBytes()).isEqualTo(300000L * 1024);
        assertThat(s.threads()).isEqualTo(5);
    }

    // Guards against the window's CPU being anything but the interpolated difference of the cumulative counters.
    @Test
    void cpuBetweenTwoInstantsIsInterpolatedBetweenSnapshots() {
        long tick = ClockTicks.perSecond();
        CpuSeries s = new CpuSeries(List.of(snap(0, 0, 0), snap(1_000_000_000L, tick, tick / 2),
                snap(2_000_000_000L, 3 * tick, tick / 2)));
        assertThat(s.userMs(500_000_000L, 1_500_000_000L)).isCloseTo(1500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.systemMs(0, 2_000_000_000L)).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.userMs(-5, 0)).isZero();
        assertThat(s.userMs(2_000_000_000L, 9_000_000_000L)).isZero();
    }

    // Guards against thread CPU that drops when a migration thread ends (a negative window), against vCPU time
    // counted as the migration's, and against a thread read from the wrong stat fields.
    @Test
    void threadCpuByRoleKeepsEndedThreadsAndLeavesVcpusOut() {
        ThreadTicks main = ThreadTicks.parse("40 (qemu-system-x86) S 1 1 1 0 -1 0 0 0 0 0 7 3 0 0 20 0 5 0 900 1");
        assertThat(main).isEqualTo(new ThreadTicks(40, 900, "qemu-system-x86", 7, 3));
        ThreadTicks vcpu = new ThreadTicks(41, 901, "CPU 0/TCG", 500, 0);
        long tick = ClockTicks.perSecond();
        List<ProcSnapshot> snaps = List.of(
                new ProcSnapshot(0, 507, 3, 1, 1, 2, List.of(main, vcpu)),
                new ProcSnapshot(1_000_000_000L, 507 + tick, 3 + tick, 1, 1, 3, List.of(main, vcpu,
                        new ThreadTicks(42, 950, "mig/src/main", tick, tick))),
                // the vCPU ran on, and the migration thread ended after one more second of user time
                new ProcSnapshot(2_000_000_000L, 907 + 2 * tick, 3 + tick, 1, 1, 2, List.of(main,
                        new ThreadTicks(41, 901, "CPU 0/TCG", 900, 0))));
        CpuSeries migration = CpuSeries.ofThreads(snaps, java.util.EnumSet.of(ThreadRole.MIGRATION));
        assertThat(migration.userMs(0, 2_000_000_000L)).isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(migration.systemMs(1_000_000_000L, 2_000_000_000L)).isZero(); // ended, not negative
        CpuSeries notVcpu = CpuSeries.ofThreads(snaps, java.util.EnumSet.of(ThreadRole.MIGRATION, ThreadRole.OTHER));
        assertThat(notVcpu.userMs(0, 2_000_000_000L)).isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ThreadRole.of("CPU 1/KVM")).isEqualTo(ThreadRole.VCPU);
        assertThat(ThreadRole.of("mig/dst/recv_3")).isEqualTo(ThreadRole.MIGRATION);
        assertThat(ThreadRole.of("IO mon_iothread")).isEqualTo(ThreadRole.OTHER);
    }

    private static ProcSnapshot snap(long nanos, long user, long system) {
        return new ProcSnapshot(nanos, user, system, 1, 1, 1);
    }

    private static int taskCount() throws Exception {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.count();
        }
    }

    private static long spin() {
        long x = 0;
        for (int i = 0; i < 1_000_000; i++) x += i ^ (x >>> 3);
        return x;
    }
}
