package io.miglab.qemu.compare;

import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.calibrate.GuestCalibration;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each stored run of the categories whose label matches a pattern, QEMU's rounds beside the simulator's in every
 * memory layout, run by hand (not a test; needs no QEMU):
 * <pre>
 *   LayoutRoundsMain CATEGORY_REGEX [rounds]
 * </pre>
 * prints per run total time, bytes, downtime and round count with the errors against QEMU and, with {@code rounds},
 * each round as pages / ms / MiB / throttle %. docs/qemu-vs-sim.md (Findings) has what it showed.
 */
public final class LayoutRoundsMain {
    private LayoutRoundsMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, QemuMeasurement> measured = CompareGrid.load(Path.of("docs/qemu-vs-sim.json"));
        PageLevelSimulator sim = new PageLevelSimulator();
        boolean rounds = args.length > 1;
        for (QemuMeasurement m : measured.values()) {
            GridCase c = GridCases.find(m.label()).orElse(null);
            if (c == null || !c.category().label().matches(args[0])) continue;
            MigrationSpec s = GuestCalibration.observed(c.runSpec(m.achievedPagesPerSecond()));
            System.out.println(line("QEMU  ", m.label(), m.result(), null, rounds));
            for (MemoryLayout l : MemoryLayout.values()) {
                MigrationResult r = sim.migrate(s.withMemory(s.memory().withLayout(l)));
                System.out.println(line(l.word(), "", r, m.result(), rounds));
            }
        }
    }

    private static String line(String who, String label, MigrationResult r, MigrationResult q, boolean rounds) {
        String e = q == null ? "" : String.format(Locale.ROOT, " (%+.1f%% / %+.1f%%)",
                ComparisonTable.errorPercent(q.timing().totalTimeMs(), r.timing().totalTimeMs()),
                ComparisonTable.errorPercent(q.traffic().bytesTransferred(), r.traffic().bytesTransferred()));
        String rs = !rounds ? "" : "\n     " + r.rounds().stream().map(LayoutRoundsMain::round)
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "%s %s %s %.0f ms %.1f MiB dt %.0f %d rounds%s%s", who, label,
                r.outcome().completed() ? "done" : "cancel", r.timing().totalTimeMs(),
                r.traffic().bytesTransferred() / 1048576.0, r.timing().downtimeMs(), r.roundCount(), e, rs);
    }

    private static String round(RoundStats s) {
        return String.format(Locale.ROOT, "%d/%.0fms/%.1fM/t%d", s.pages(), s.durationMs(), s.bytes() / 1048576.0,
                s.throttlePercent());
    }
}
