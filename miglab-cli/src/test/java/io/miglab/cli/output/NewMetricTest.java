package io.miglab.cli.output;

import static io.miglab.core.result.Metric.Kind.REAL;
import static io.miglab.core.result.Metric.Unit.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunStatus;
import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.datacenter.report.CsvReporter;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A new metric is its computation plus one line": a metric list with one extra line reaches every writer. Guards
 * against a writer that lays out fields by hand again (the extra figure would be missing from its output).
 */
class NewMetricTest {
    /** The one line: pages sent per second of the whole migration. */
    private static final Metric PAGE_RATE = Metric.of("pagesPerSecond", "pages_per_second", "page rate", REAL, NONE,
            185, r -> r.traffic().pagesTransferred() / (r.timing().totalTimeMs() / 1000));
    private static final Metrics WITH_RATE = Metrics.STANDARD.with(PAGE_RATE);
    private static final MigrationResult RESULT = new MigrationResult("sim", "precopy",
            Outcome.of(StopReason.DOWNTIME_LIMIT_MET, true), new Timing(1, 20, 2, 2000, 1980),
            new Traffic(8_400_000, 2_000, 100, 50, 8_000_000, 400_000, 0), new GuestImpact(0, 0.5, 0),
            List.of(new RoundStats(0, 1_900, 7_800_000, 1900, 10, 0), new RoundStats(1, 100, 200_000, 80, 12, 0)),
            List.of());

    @TempDir
    Path dir;

    private static String print(Consumer<PrintWriter> writer) {
        StringWriter s = new StringWriter();
        writer.accept(new PrintWriter(s));
        return s.toString();
    }

    @Test
    void table_showsTheNewMetricAtItsRow() {
        List<String> lines = print(o -> ResultTableWriter.write(WITH_RATE, RESULT, o)).lines().toList();
        int zero = indexOf(lines, "zero pages"), rate = indexOf(lines, "page rate");
        assertThat(rate).isEqualTo(zero + 1);
        assertThat(lines.get(rate)).endsWith(" 1000.0");
        assertThat(print(o -> ComparisonTableWriter.write(WITH_RATE, "a", RESULT, "b", RESULT, o)))
                .containsPattern("page rate\\s+1000\\.0\\s+1000\\.0\\s+=");
    }

    @Test
    void json_hasTheNewFieldAfterTheOthersAndBeforeTheRounds() throws Exception {
        JsonNode root = ResultJsonWriter.mapper().readTree(print(o -> ResultJsonWriter.write(WITH_RATE, RESULT, o)));
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(names.size() - 4, names.size()))
                .containsExactly("pagesPerSecond", "rounds", "stages", "assumptions");
        assertThat(root.get("pagesPerSecond").asDouble()).isEqualTo(1000.0);
    }

    @Test
    void csv_hasTheNewColumn() {
        List<String> lines = print(o -> ResultCsvWriter.write(WITH_RATE, RESULT, o, true)).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row.get(header.indexOf("pagesPerSecond"))).isEqualTo("1000.0");
    }

    @Test
    void resultsStore_getsTheNewColumn_evenInAStoreWrittenWithoutIt() throws Exception {
        String db = dir.resolve("r.db").toString();
        Measurement m = new Measurement("idle", HostLoad.LIGHT, 1, 0, 2000, 10, 10, 0, RESULT);
        try (ResultsStore old = ResultsStore.open(db)) {
            long id = old.beginRun("before", "sim", "ref", "{}");
            old.finishRun(id, RunStatus.COMPLETE, null, List.of(), List.of(m), List.of(), "ref");
        }
        try (ResultsStore store = ResultsStore.open(db, WITH_RATE)) {
            long id = store.beginRun("after", "sim", "ref", "{}");
            store.finishRun(id, RunStatus.COMPLETE, null, List.of(), List.of(m), List.of(), "ref");
            assertThat(store.loadRun(id).orElseThrow().measurements()).containsExactly(m);
            assertThat(store.findCompleteRun("before").orElseThrow().measurements()).containsExactly(m);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT m.pages_per_second FROM migrations m ORDER BY m.id")) {
            assertThat(rs.next()).isTrue();
            rs.getDouble(1);
            assertThat(rs.wasNull()).as("the row stored before the column existed").isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(1000.0);
        }
    }

    @Test
    void datacenterMigrationsCsv_hasTheNewColumn() throws Exception {
        DatacenterReport r = new DatacenterReport("s", 1, 60, 2, 1, "kvm", "none", 0, 0, 0, 0, 0, Map.of(), 0, 0, 0,
                0, List.of(new MigrationRecord("vm1", "h1", "h2", "evacuation", 1, 2, RESULT)), List.of(), List.of(),
                List.of(), 0, 0);
        CsvReporter.write(r, dir, WITH_RATE);
        List<String> lines = Files.readAllLines(dir.resolve("migrations.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header.get(header.size() - 1)).isEqualTo("pages_per_second");
        assertThat(lines.get(1)).endsWith(",1000");
    }

    private static int indexOf(List<String> lines, String label) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(label + " ")) return i;
        throw new AssertionError(label + " not in " + lines);
    }
}
