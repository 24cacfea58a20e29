package io.miglab.bench.store;

import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/** Inserts one run's results (a migration's figures in its metric columns); the caller owns the transaction. */
final class RunWriter {
    private RunWriter() { }

    static void write(Connection c, Metrics metrics, long runId, List<Baseline> baselines,
                      List<Measurement> measurements, List<MetricScore> scores, String referenceName)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baselines (run_id, workload, host_load,"
                + " throughput, unit, window_ms, ordinal) VALUES (?,?,?,?,?,?,?)")) {
            int ordinal = 0;
            for (Baseline b : baselines) {
                ps.setLong(1, runId);
                ps.setString(2, b.workload());
                ps.setString(3, b.hostLoad().label());
                ps.setDouble(4, b.throughput());
                ps.setString(5, b.unit());
                ps.setDouble(6, b.windowMs());
                ps.setInt(7, ordinal++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Metric> columns = metrics.stored();
        String names = columns.stream().map(m -> ", " + m.column()).collect(Collectors.joining());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO migrations (run_id, workload, host_load, point,"
                + " point_offset_ms, window_ms, baseline_throughput, throughput_during, overhead_percent" + names
                + ", assumptions) VALUES (?,?,?,?,?,?,?,?,?" + ",?".repeat(columns.size()) + ",?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement rounds = c.prepareStatement("INSERT INTO rounds (migration_id, round, pages, bytes,"
                     + " duration_ms, dirty_rate, throttle_percent) VALUES (?,?,?,?,?,?,?)")) {
            for (Measurement m : measurements) {
                MigrationResult r = m.result();
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, m.workload());
                ps.setString(i++, m.hostLoad().label());
                ps.setInt(i++, m.point());
                ps.setDouble(i++, m.pointOffsetMs());
                ps.setDouble(i++, m.windowMs());
                ps.setDouble(i++, m.baselineThroughput());
                ps.setDouble(i++, m.throughputDuring());
                ps.setDouble(i++, m.overheadPercent());
                for (Metric x : columns) MetricColumns.bind(ps, i++, x, x.of(r));
                ps.setString(i, String.join("\n", r.assumptions()));
                ps.executeUpdate();
                long migrationId = ResultsStore.generatedId(ps);
                for (RoundStats s : r.rounds()) {
                    rounds.setLong(1, migrationId);
                    rounds.setInt(2, s.round());
                    rounds.setLong(3, s.pages());
                    rounds.setLong(4, s.bytes());
                    rounds.setDouble(5, s.durationMs());
                    rounds.setDouble(6, s.dirtyRate());
                    rounds.setInt(7, s.throttlePercent());
                    rounds.addBatch();
                }
                rounds.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scores (run_id, host_load, metric, score,"
                + " reference_name, excluded) VALUES (?,?,?,?,?,?)");
             PreparedStatement terms = c.prepareStatement("INSERT INTO score_terms (run_id, host_load, metric,"
                     + " workload, platform_value, reference_value, ordinal) VALUES (?,?,?,?,?,?,?)")) {
            for (MetricScore s : scores) {
                ps.setLong(1, runId);
                ps.setString(2, s.hostLoad().label());
                ps.setString(3, s.metric().key());
                if (s.scored()) ps.setDouble(4, s.score());
                else ps.setNull(4, Types.DOUBLE);
                ps.setString(5, referenceName);
                ps.setString(6, String.join("\n", s.excluded()));
                ps.addBatch();
                int ordinal = 0;
                for (WorkloadRatio t : s.ratios()) {
                    terms.setLong(1, runId);
                    terms.setString(2, s.hostLoad().label());
                    terms.setString(3, s.metric().key());
                    terms.setString(4, t.workload());
                    terms.setDouble(5, t.platform());
                    terms.setDouble(6, t.reference());
                    terms.setInt(7, ordinal++);
                    terms.addBatch();
                }
            }
            ps.executeBatch();
            terms.executeBatch();
        }
    }
}
