package io.miglab.bench.store;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultValues;
import io.miglab.core.result.RoundStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runs back into the benchmark's types. */
final class RunReader {
    private RunReader() { }

    static List<RunInfo> runs(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<RunInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(info(rs));
            }
            return out;
        }
    }

    private static RunInfo info(ResultSet rs) throws SQLException {
        String pidStart = rs.getString("pid_start");
        String finished = rs.getString("finished_at");
        return new RunInfo(rs.getLong("id"), rs.getString("name"), RunStatus.parse(rs.getString("status")),
                rs.getString("backend"), rs.getString("reference_name"), rs.getString("host"), rs.getLong("pid"),
                pidStart == null ? null : Instant.parse(pidStart), Instant.parse(rs.getString("started_at")),
                Optional.ofNullable(finished).map(Instant::parse), rs.getString("json"), rs.getString("note"));
    }

    static Optional<RunRecord> load(Connection c, Metrics metrics, long id) throws SQLException {
        List<RunInfo> infos = runs(c, "SELECT * FROM runs r JOIN configs c ON c.id = r.config_id WHERE r.id = ?", id);
        if (infos.isEmpty()) return Optional.empty();
        return Optional.of(new RunRecord(infos.get(0), baselines(c, id), measurements(c, metrics, id), scores(c, id)));
    }

    private static List<Baseline> baselines(Connection c, long id) throws SQLException {
        List<Baseline> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM baselines WHERE run_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Baseline(rs.getString("workload"), HostLoad.parse(rs.getString("host_load")),
                            rs.getDouble("throughput"), rs.getString("unit"), rs.getDouble("window_ms")));
                }
            }
        }
        return out;
    }

    private static List<Measurement> measurements(Connection c, Metrics metrics, long id) throws SQLException {
        Map<Long, List<RoundStats>> rounds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.* FROM rounds r JOIN migrations m"
                + " ON m.id = r.migration_id WHERE m.run_id = ? ORDER BY r.migration_id, r.round")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rounds.computeIfAbsent(rs.getLong("migration_id"), k -> new ArrayList<>()).add(new RoundStats(
                            rs.getInt("round"), rs.getLong("pages"), rs.getLong("bytes"), rs.getDouble("duration_ms"),
                            rs.getDouble("dirty_rate"), rs.getInt("throttle_percent")));
                }
            }
        }
        List<Measurement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM migrations WHERE run_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (var x : metrics.stored()) values.put(x.name(), MetricColumns.read(rs, x));
                    String assumptions = rs.getString("assumptions");
                    values.put(ResultValues.ROUNDS, rounds.getOrDefault(rs.getLong("id"), List.of()));
                    values.put(ResultValues.ASSUMPTIONS,
                            assumptions.isEmpty() ? List.of() : Arrays.asList(assumptions.split("\n")));
                    MigrationResult r = ResultValues.rebuild(values);
                    out.add(new Measurement(rs.getString("workload"), HostLoad.parse(rs.getString("host_load")),
                            rs.getInt("point"), rs.getDouble("point_offset_ms"), rs.getDouble("window_ms"),
                            rs.getDouble("baseline_throughput"), rs.getDouble("throughput_during"),
                            rs.getDouble("overhead_percent"), r));
                }
            }
        }
        return out;
    }

    private static List<MetricScore> scores(Connection c, long id) throws SQLException {
        Map<String, List<WorkloadRatio>> terms = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM score_terms WHERE run_id = ? ORDER BY host_load, metric, ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    terms.computeIfAbsent(rs.getString("host_load") + "/" + rs.getString("metric"),
                            k -> new ArrayList<>()).add(new WorkloadRatio(rs.getString("workload"),
                            rs.getDouble("platform_value"), rs.getDouble("reference_value")));
                }
            }
        }
        List<MetricScore> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM scores WHERE run_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String load = rs.getString("host_load"), metric = rs.getString("metric");
                    double score = rs.getDouble("score");
                    if (rs.wasNull()) score = Double.NaN;
                    String excluded = rs.getString("excluded");
                    out.add(new MetricScore(HostLoad.parse(load), Metric.byKey(metric), score,
                            terms.getOrDefault(load + "/" + metric, List.of()),
                            excluded.isEmpty() ? List.of() : Arrays.asList(excluded.split("\n"))));
                }
            }
        }
        out.sort(java.util.Comparator.comparing((MetricScore s) -> s.hostLoad()).thenComparing(MetricScore::metric));
        return out;
    }
}
