package io.miglab.qemu.compare;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs the grid of {@link GridCase#standard()} on real QEMU and on the page-level simulator, before and after
 * {@link GuestCalibration}, and writes a Markdown report.
 *
 * <pre>
 *   CompareGrid [--sim-only] [--only TEXT] [--runs docs/qemu-vs-sim.json] [--out docs/qemu-vs-sim.md]
 * </pre>
 * QEMU runs are stored in the JSON file after each case, so an interrupted grid keeps what it measured;
 * {@code --sim-only} recomputes the simulator side from them. Text after the line {@value #FINDINGS_MARKER} in
 * the report is kept when it is rewritten.
 */
public final class CompareGrid {
    static final String FINDINGS_MARKER = "<!-- findings: kept when the tables are regenerated -->";
    static final ObjectMapper JSON =
            ResultJson.register(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

    public static void main(String[] args) throws IOException {
        boolean simOnly = false;
        String only = null;
        Path runs = Path.of("docs/qemu-vs-sim.json");
        Path out = Path.of("docs/qemu-vs-sim.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sim-only" -> simOnly = true;
                case "--only" -> only = args[++i];
                case "--runs" -> runs = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: CompareGrid [--sim-only] [--only TEXT] [--runs FILE] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        Map<String, QemuMeasurement> measured = load(runs);
        if (!simOnly) {
            QemuBackend qemu = new QemuBackend();
            for (GridCase c : GridCase.standard()) {
                if (only != null && !c.label().contains(only)) continue;
                System.out.printf(Locale.ROOT, "QEMU: %s ...%n", c.label());
                long start = System.nanoTime();
                try {
                    QemuRun run = qemu.run(c.spec(), c.options());
                    double wall = (System.nanoTime() - start) / 1e9;
                    measured.put(c.label(), new QemuMeasurement(c.label(), run.result(),
                            run.heartbeat().map(HeartbeatAnalysis::switchGapMs).orElse(-1.0),
                            run.counterContinued(), run.qemuVersion(), run.accel().qemuName(), wall));
                    System.out.printf(Locale.ROOT, "  %s in %.1f s: total %.0f ms, downtime %.0f ms, %.1f MiB%n",
                            run.result().outcome().completed() ? "completed" : run.result().outcome().stopReason(),
                            wall, run.result().timing().totalTimeMs(), run.result().timing().downtimeMs(),
                            run.result().traffic().bytesTransferred() / 1048576.0);
                } catch (RuntimeException e) {
                    System.out.println("  FAILED: " + e.getMessage());
                }
                save(runs, measured);
            }
        }
        Files.writeString(out, report(measured, existingFindings(out)));
        System.out.println("wrote " + out);
    }

    static String report(Map<String, QemuMeasurement> measured, String findings) {
        PageLevelSimulator sim = new PageLevelSimulator();
        List<ComparisonTable.Row> before = new ArrayList<>();
        List<ComparisonTable.Row> after = new ArrayList<>();
        List<ComparisonTable.Row> observed = new ArrayList<>();
        StringBuilder calibration = new StringBuilder();
        StringBuilder heartbeat = new StringBuilder();
        String version = "?", accel = "?";
        for (GridCase c : GridCase.standard()) {
            QemuMeasurement m = measured.get(c.label());
            if (m == null) continue;
            version = m.qemuVersion();
            accel = m.accel();
            MigrationResult raw = sim.migrate(c.spec());
            MigrationResult calibrated = sim.migrate(GuestCalibration.forSimulator(c.spec()));
            before.add(new ComparisonTable.Row(c.label(), m.result(), raw));
            after.add(new ComparisonTable.Row(c.label(), m.result(), calibrated));
            observed.add(new ComparisonTable.Row(c.label(), m.result(),
                    sim.migrate(GuestCalibration.observed(c.spec()))));
            calibration.append("| ").append(c.label()).append(" | ")
                    .append(String.join("; ", GuestCalibration.describe(c.spec()))).append(" |\n");
            if (m.result().outcome().completed()) heartbeat.append(downtimeRow(c.label(), m, calibrated));
        }
        StringBuilder md = new StringBuilder();
        md.append("# Real QEMU against the page-level simulator\n\n");
        md.append(String.format(Locale.ROOT, "Generated by `io.miglab.qemu.compare.CompareGrid` on %s: QEMU %s, "
                + "accel %s, miglab's guest (scripts/setup-qemu.sh), 64 MiB sweep working set, downtime limit 300 ms, "
                + "pre-copy cancelled after %d s (10 s for the 50,000 pages/s cases). QEMU runs are kept in "
                + "`docs/qemu-vs-sim.json`; `--sim-only` recomputes the simulator columns from them. Errors are "
                + "(sim - QEMU) / QEMU; bold above %.0f %%.%n%n", LocalDate.now(), version, accel,
                GridCase.TIMEOUT.toSeconds(), ComparisonTable.FLAG_PERCENT));
        md.append("## Before calibration: the user's spec as it is\n\n").append(ComparisonTable.render(before));
        md.append("\n").append(summary(before)).append("\n");
        md.append("## After calibration: `GuestCalibration.forSimulator(spec)`\n\n")
                .append(ComparisonTable.render(after));
        md.append("\n").append(summary(after)).append("\n");
        md.append("## With `--hypervisor qemu` and only what a user observes: `GuestCalibration.observed(spec)`\n\n")
                .append("The qemu profile (fixed costs, the downtime limit checked as pages go, the uncapped "
                        + "switch-over) with the guest's RAM and used RAM, its writes paced by the clock, the link's "
                        + "rate and QEMU's max-bandwidth, downtime limit and timeout: no non-zero top of RAM, no "
                        + "zero-page scan time.\n\n")
                .append(ComparisonTable.render(observed));
        md.append("\n").append(summary(observed)).append("\n");
        md.append("### What the calibration set per case\n\n| case | simulator spec |\n|---|---|\n")
                .append(calibration).append("\n");
        md.append("## Downtime: QEMU's figure, the guest's heartbeat, and the simulator's switch-over\n\n")
                .append("The heartbeat gap is host time from the last `HB` line on the source to the first on the "
                        + "destination. The simulator sends the switch-over at the calibrated link's uncapped rate ("
                        + String.format(Locale.ROOT, "%.0f", GuestCalibration.LOOPBACK_MIB_PER_SECOND)
                        + " MiB/s) and adds its resume time.\n\n")
                .append("| case | QEMU downtime ms | heartbeat gap ms | counter continued | QEMU stop-copy MiB "
                        + "| sim stop-copy MiB | sim downtime ms | post-copy faults QEMU / sim |\n")
                .append("|---|---:|---:|---|---:|---:|---:|---:|\n")
                .append(heartbeat).append("\n");
        md.append(FINDINGS_MARKER).append("\n").append(findings);
        return md.toString();
    }

    private static String downtimeRow(String label, QemuMeasurement m, MigrationResult sim) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %s | %.2f | %.2f | %s | %s |%n", label,
                m.result().timing().downtimeMs(), m.heartbeatGapMs(), m.counterContinued() ? "yes" : "NO",
                m.result().traffic().stopCopyBytes() / 1048576.0, sim.traffic().stopCopyBytes() / 1048576.0,
                sim.outcome().completed() ? String.format(Locale.ROOT, "%.0f", sim.timing().downtimeMs()) : "-",
                m.result().algorithm().equals("precopy") ? "" : m.result().guestImpact().postcopyFaults() + " / "
                        + sim.guestImpact().postcopyFaults());
    }

    private static String summary(List<ComparisonTable.Row> rows) {
        return String.format(Locale.ROOT, "Mean absolute error: total time %.0f %%, downtime %.0f %% (both "
                        + "completed; %.1f ms on average), bytes %.0f %%; rows with an error above %.0f %%: total %d, "
                        + "downtime %d, bytes %d of %d.%n",
                meanAbs(rows, r -> ComparisonTable.errorPercent(r.qemu().timing().totalTimeMs(),
                        r.sim().timing().totalTimeMs()), false),
                meanAbs(rows, r -> ComparisonTable.errorPercent(r.qemu().timing().downtimeMs(),
                        r.sim().timing().downtimeMs()), true),
                meanAbs(rows, r -> r.sim().timing().downtimeMs() - r.qemu().timing().downtimeMs(), true),
                meanAbs(rows, r -> ComparisonTable.errorPercent(r.qemu().traffic().bytesTransferred(),
                        r.sim().traffic().bytesTransferred()), false), ComparisonTable.FLAG_PERCENT,
                flagged(rows, r -> ComparisonTable.errorPercent(r.qemu().timing().totalTimeMs(),
                        r.sim().timing().totalTimeMs()), false),
                flagged(rows, r -> ComparisonTable.errorPercent(r.qemu().timing().downtimeMs(),
                        r.sim().timing().downtimeMs()), true),
                flagged(rows, r -> ComparisonTable.errorPercent(r.qemu().traffic().bytesTransferred(),
                        r.sim().traffic().bytesTransferred()), false), rows.size());
    }

    private static double meanAbs(List<ComparisonTable.Row> rows, ToDoubleFunction<ComparisonTable.Row> f,
                                  boolean completedOnly) {
        return rows.stream().filter(r -> !completedOnly || (r.qemu().outcome().completed()
                && r.sim().outcome().completed()))
                .mapToDouble(f).map(Math::abs).average().orElse(0);
    }

    private static long flagged(List<ComparisonTable.Row> rows, ToDoubleFunction<ComparisonTable.Row> f,
                                boolean completedOnly) {
        return rows.stream().filter(r -> !completedOnly || (r.qemu().outcome().completed()
                && r.sim().outcome().completed()))
                .mapToDouble(f).filter(e -> Math.abs(e) > ComparisonTable.FLAG_PERCENT).count();
    }

    static Map<String, QemuMeasurement> load(Path runs) throws IOException {
        Map<String, QemuMeasurement> map = new LinkedHashMap<>();
        if (!Files.exists(runs)) return map;
        List<QemuMeasurement> list = JSON.readValue(runs.toFile(), new TypeReference<List<QemuMeasurement>>() { });
        for (QemuMeasurement m : list) map.put(m.label(), m);
        return map;
    }

    private static void save(Path runs, Map<String, QemuMeasurement> measured) throws IOException {
        if (runs.getParent() != null) Files.createDirectories(runs.getParent());
        Path tmp = runs.resolveSibling(runs.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), List.copyOf(measured.values()));
        Files.move(tmp, runs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String existingFindings(Path out) throws IOException {
        if (!Files.exists(out)) return "\n## Findings\n\n(to be written)\n";
        String text = Files.readString(out);
        int at = text.indexOf(FINDINGS_MARKER);
        return at < 0 ? "\n## Findings\n\n(to be written)\n" : text.substring(at + FINDINGS_MARKER.length() + 1);
    }
}
