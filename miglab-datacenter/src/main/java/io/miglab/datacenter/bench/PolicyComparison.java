package io.miglab.datacenter.bench;

import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one scenario (default examples/datacenter/policy-day.yaml) under Beloglazov and Buyya's combinations (each
 * overload detector with each VM selection, PABFD placement) and under miglab's migration-aware selection and
 * placement with each detector, and prints one Markdown row per combination: energy, SLATAH, PDM, SLAV, ESV,
 * migrations, distinct VMs moved, most moves of one VM, total downtime, data moved. With a second argument, also
 * writes an HTML page with the table and bar charts there ({@link PolicyComparisonPage}). A third argument
 * limits the run to the combinations named (comma separated, e.g. {@code lr-mmt,lr-migration-aware}).
 * {@code scripts/compare-policies.sh} runs it; the output is quoted in docs/datacenter.md.
 */
public final class PolicyComparison {
    static final List<String> DETECTORS = List.of("thr", "iqr", "mad", "lr", "lrr");
    static final List<String> SELECTIONS = List.of("mmt", "mu", "mc", "rs", "migration-aware");

    /** One combination's figures. */
    record Row(String detector, String selection, String placement, DatacenterReport report, double wallSeconds) {
        String name() { return (detector + "-" + (selection.equals("migration-aware") ? "ma" : selection)).toUpperCase(
                Locale.ROOT); }

        long vmsMoved() { return moves().size(); }

        int mostMoves() { return moves().values().stream().mapToInt(Integer::intValue).max().orElse(0); }

        private Map<String, Integer> moves() {
            Map<String, Integer> m = new HashMap<>();
            for (MigrationRecord r : report.migrations()) m.merge(r.vm(), 1, Integer::sum);
            return m;
        }
    }

    private PolicyComparison() { }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : find("examples/datacenter/policy-day.yaml");
        List<String> only = args.length > 2 ? List.of(args[2].toLowerCase(Locale.ROOT).split(",")) : List.of();
        Scenario base = ScenarioReader.read(file);
        List<Row> rows = new ArrayList<>();
        System.out.println(header());
        for (String selection : SELECTIONS) {
            for (String detector : DETECTORS) {
                String placement = selection.equals("migration-aware") ? "migration-aware" : "pabfd";
                String key = detector + "-" + selection;
                if (!only.isEmpty() && !only.contains(key)) continue;
                Row row = run(base, detector, selection, placement);
                rows.add(row);
                System.out.println(line(row));
            }
        }
        if (args.length > 1) PolicyComparisonPage.write(base, rows, Path.of(args[1]));
    }

    static Row run(Scenario base, String detector, String selection, String placement) {
        PolicyConfig p = base.policy();
        PolicyConfig config = new PolicyConfig(detector, p.overThreshold(), p.underThreshold(), p.placementCeiling(),
                selection, placement, p.maxMigrationsPerInterval(), p.maxConcurrentPerHost(), p.maxConcurrent(),
                p.coolDownSeconds());
        long t0 = System.nanoTime();
        DatacenterReport r = DatacenterSimulation.run(base.withPolicy(config), null);
        return new Row(detector, selection, placement, r, (System.nanoTime() - t0) / 1e9);
    }

    static String header() {
        return "| policy | energy kWh | SLATAH % | PDM % | SLAV x 1e5 | ESV x 1e3 | migrations | VMs moved | most moves "
                + "of one VM | downtime s | GiB moved | wall s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    static String line(Row w) {
        DatacenterReport r = w.report();
        return String.format(Locale.ROOT, "| %s | %.1f | %.3f | %.4f | %.2f | %.3f | %d | %d | %d | %.1f | %.0f | %.1f |",
                w.name(), r.energyKWh(), 100 * r.slaTimePerActiveHost(), 100 * r.migrationDegradation(),
                1e5 * r.slaViolation(), 1e3 * r.energySlaViolation(), r.migrations().size(), w.vmsMoved(),
                w.mostMoves(), r.totalDowntimeSeconds(), r.migratedBytes() / 1073741824.0, w.wallSeconds());
    }

    private static Path find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) return p.resolve(relative);
        }
        throw new IllegalArgumentException("cannot find " + relative);
    }
}
