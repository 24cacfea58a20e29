package io.miglab.bench.store;

import io.miglab.core.result.Metrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The results store's tables (docs/bench.md draws them). Times in ms, sizes in bytes, instants as ISO-8601 text,
 * so every database and a plain {@code sqlite3} shell read them alike. The result columns of {@code migrations}
 * come from the metric list ({@link MetricColumns}).
 */
final class Schema {
    static final int VERSION = 1;

    private Schema() { }

    static List<String> ddl(Dialect d, Metrics metrics) {
        String id = d.idColumn;
        return List.of(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS configs (id " + id + ", sha256 VARCHAR(64) NOT NULL UNIQUE,"
                        + " json TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS runs (id " + id + ", name TEXT NOT NULL, status VARCHAR(16) NOT NULL,"
                        + " backend TEXT NOT NULL, reference_name TEXT NOT NULL,"
                        + " config_id BIGINT NOT NULL REFERENCES configs(id), host TEXT NOT NULL, pid BIGINT NOT NULL,"
                        + " pid_start TEXT, started_at TEXT NOT NULL, finished_at TEXT, note TEXT)",
                "CREATE TABLE IF NOT EXISTS baselines (run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                        + " workload TEXT NOT NULL, host_load VARCHAR(8) NOT NULL, throughput DOUBLE PRECISION NOT NULL,"
                        + " unit TEXT NOT NULL, window_ms DOUBLE PRECISION NOT NULL, ordinal INTEGER NOT NULL,"
                        + " PRIMARY KEY (run_id, workload, host_load))",
                "CREATE TABLE IF NOT EXISTS migrations (id " + id + ","
                        + " run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, workload TEXT NOT NULL,"
                        + " host_load VARCHAR(8) NOT NULL, point INTEGER NOT NULL,"
                        + " point_offset_ms DOUBLE PRECISION NOT NULL, window_ms DOUBLE PRECISION NOT NULL,"
                        + " baseline_throughput DOUBLE PRECISION NOT NULL,"
                        + " throughput_during DOUBLE PRECISION NOT NULL, overhead_percent DOUBLE PRECISION NOT NULL,"
                        + MetricColumns.definitions(metrics)
                        + " assumptions TEXT NOT NULL, UNIQUE (run_id, workload, host_load, point))",
                "CREATE TABLE IF NOT EXISTS rounds (migration_id BIGINT NOT NULL REFERENCES migrations(id)"
                        + " ON DELETE CASCADE, round INTEGER NOT NULL, pages BIGINT NOT NULL, bytes BIGINT NOT NULL,"
                        + " duration_ms DOUBLE PRECISION NOT NULL, dirty_rate DOUBLE PRECISION NOT NULL,"
                        + " throttle_percent INTEGER NOT NULL, PRIMARY KEY (migration_id, round))",
                "CREATE TABLE IF NOT EXISTS scores (run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                        + " host_load VARCHAR(8) NOT NULL, metric VARCHAR(16) NOT NULL, score DOUBLE PRECISION,"
                        + " reference_name TEXT NOT NULL, excluded TEXT NOT NULL,"
                        + " PRIMARY KEY (run_id, host_load, metric))",
                "CREATE TABLE IF NOT EXISTS score_terms (run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                        + " host_load VARCHAR(8) NOT NULL, metric VARCHAR(16) NOT NULL, workload TEXT NOT NULL,"
                        + " platform_value DOUBLE PRECISION NOT NULL, reference_value DOUBLE PRECISION NOT NULL,"
                        + " ordinal INTEGER NOT NULL,"
                        + " PRIMARY KEY (run_id, host_load, metric, workload))",
                "CREATE INDEX IF NOT EXISTS runs_by_name ON runs (name, status)");
    }

    /**
     * Creates what is missing, in one transaction: the tables, and in an older store the metric columns added since
     * (a new metric needs no new schema version). Refuses a store written by a newer schema.
     */
    static void create(Connection c, Dialect d, Metrics metrics) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : ddl(d, metrics)) s.execute(sql);
            MetricColumns.addMissing(c, metrics);
            try (var rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                int v = rs.getInt(1);
                if (rs.wasNull()) s.execute("INSERT INTO schema_version (version) VALUES (" + VERSION + ")");
                else if (v > VERSION) {
                    throw new SQLException("the results store has schema version " + v + "; this miglab knows "
                            + VERSION + " (use a newer miglab)");
                }
            }
        }
        c.commit();
    }
}
