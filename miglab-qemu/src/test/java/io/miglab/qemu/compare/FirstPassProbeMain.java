package io.miglab.qemu.compare;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.migrate.MigrationSample;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a booted guest's zero and non-zero pages lie, run by hand against real QEMU (not a test, nothing stored).
 * QEMU's first pass scans RAM in address order from page 0 (ram_find_and_save_block, migration/ram.c: the scan
 * starts at the first RAMBlock, the largest, pc.ram, whose offsets are guest-physical below 4 GiB), so sampling
 * {@code query-migrate} often during a capped first pass gives ram.duplicate (zero pages) and ram.normal against
 * the pages scanned so far: the density of non-zero pages along the address space.
 *
 * <pre>
 *   FirstPassProbeMain MEMORY_MIB [MIBPS [PPS [ARRAY_MIB [POLL_MS [PARTS]]]]]
 * </pre>
 * Prints each first-pass sample ({@code S ms scanned normal}) and, per 1/PARTS of RAM, the share of zero pages,
 * interpolated linearly between samples. Needs MIGLAB_GUEST_DIR. docs/qemu-vs-sim.md (Findings, "Where a booted
 * Linux guest's zero and non-zero pages lie") has what it showed; MemoryLayout.LINUX is modelled on it.
 */
public final class FirstPassProbeMain {
    private FirstPassProbeMain() {
    }

    public static void main(String[] args) {
        long mib = Long.parseLong(args[0]);
        double mibps = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int pps = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long arrayMiB = args.length > 3 ? Long.parseLong(args[3]) : 64;
        int pollMs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int parts = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        // a short downtime limit, so the mid-pass check leaves only a small tail of the first pass to the stop-copy
        MigrationSpec spec = GridCase.base(mib, mibps, pps, ByteSize.ofMiB(arrayMiB), Duration.ofMillis(30),
                Duration.ofSeconds(120));
        QemuRunOptions options = new QemuRunOptions(false, 0, Optional.empty(), Duration.ofMillis(pollMs),
                Duration.ofSeconds(300), false, Optional.empty(), Optional.empty());
        QemuRun run = new QemuBackend(options).run(spec, options);
        List<double[]> pass = firstPass(run.series());
        long pages = mib * 256;
        for (double[] p : pass) System.out.printf(Locale.ROOT, "S %.0f %.0f %.0f%n", p[0], p[1], p[2]);
        MigrationSample last = run.last();
        System.out.printf(Locale.ROOT, "RESULT %s total %d ms downtime %d ms normal %d duplicate %d syncs %d "
                        + "downtime-bytes %d ram-total %d first-pass samples %d%n", last.status(), last.totalTimeMs(),
                last.downtimeMs(), last.normalPages(), last.duplicatePages(), last.dirtySyncCount(),
                last.downtimeBytes(), last.total(), pass.size());
        StringBuilder zeroShare = new StringBuilder("ZERO-SHARE per 1/" + parts + ":");
        StringBuilder normalMiB = new StringBuilder("NORMAL-MiB per 1/" + parts + ":");
        for (int i = 0; i < parts; i++) {
            double from = pages * i / (double) parts, to = pages * (i + 1) / (double) parts;
            double normal = normalAt(pass, to) - normalAt(pass, from);
            zeroShare.append(String.format(Locale.ROOT, " %.3f", 1 - normal / (to - from)));
            normalMiB.append(String.format(Locale.ROOT, " %.1f", normal / 256));
        }
        double[] end = pass.get(pass.size() - 1);
        System.out.printf(Locale.ROOT, "TAIL %.0f pages not seen in the first pass; %d normal pages sent after it%n",
                pages - end[1], last.normalPages() - (long) end[2]);
        System.out.println(zeroShare);
        System.out.println(normalMiB);
    }

    /** {ms, pages scanned, normal pages} of the samples in the first pass (one sync so far), from (0, 0, 0). */
    static List<double[]> firstPass(List<MigrationSample> series) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {0, 0, 0});
        for (MigrationSample s : series) {
            if (!s.hasRam() || s.dirtySyncCount() != 1 || !s.status().equals("active")) continue;
            out.add(new double[] {s.elapsedMs(), s.pagesSent(), s.normalPages()});
        }
        return out;
    }

    /** Normal pages among the first {@code scanned} pages, linear between samples (the last sample's beyond). */
    static double normalAt(List<double[]> pass, double scanned) {
        for (int i = 1; i < pass.size(); i++) {
            double[] a = pass.get(i - 1), b = pass.get(i);
            if (scanned <= b[1]) {
                double f = b[1] > a[1] ? (scanned - a[1]) / (b[1] - a[1]) : 1;
                return a[2] + f * (b[2] - a[2]);
            }
        }
        return Double.NaN; // beyond the last first-pass sample: see TAIL

    }
}
