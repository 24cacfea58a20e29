package io.miglab.bench.store;

import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.score.MetricScore;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Metrics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's results in an embedded SQLite file (the default) or any JDBC database a lab shares
 * (PostgreSQL). Write protocol, so that a killed run never damages earlier ones:
 * <ol>
 *   <li>{@link #beginRun}: the {@code runs} row with status {@code running}, in its own transaction;</li>
 *   <li>{@link #finishRun}: every result of the run and the new status, in one transaction;</li>
 *   <li>{@link #open}: rows still {@code running} whose process (this host, same pid and start time) is gone are
 *   marked {@code incomplete}. Runs of other hosts sharing the database are left alone.</li>
 * </ol>
 * One connection, used by one thread at a time (methods are synchronized).
 */
public final class ResultsStore implements AutoCloseable {
    public static final String DEFAULT_FILE = "miglab-bench.db";
    private final Connection connection;
    private final Dialect dialect;
    private final String url;
    private final String host;
    private final Metrics metrics;

    private ResultsStore(Connection connection, Dialect dialect, String url, Metrics metrics) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.url = url;
        this.host = localHost();
        this.metrics = metrics;
        connection.setAutoCommit(false);
        Schema.create(connection, dialect, metrics);
    }

    /**
     * Opens (and creates) a store: a JDBC URL ({@code jdbc:postgresql://host/db?user=...}) or a file path for
     * SQLite. Marks stale runs of this host incomplete.
     */
    public static ResultsStore open(String dbOrUrl) {
        return open(dbOrUrl, Metrics.STANDARD);
    }

    /** A store whose {@code migrations} rows hold these metrics (columns missing from an older store are added). */
    public static ResultsStore open(String dbOrUrl, Metrics metrics) {
        InvalidSpecException.require(dbOrUrl != null && !dbOrUrl.isBlank(), "db",
                "a SQLite file path or a jdbc: URL", dbOrUrl);
        String url;
        if (dbOrUrl.startsWith("jdbc:")) {
            url = dbOrUrl;
        } else {
            Path file = Path.of(dbOrUrl).toAbsolutePath();
            InvalidSpecException.require(Files.isDirectory(file.getParent()), "db",
                    "a file in an existing folder", dbOrUrl);
            url = "jdbc:sqlite:" + file;
        }
        try {
            Connection c = DriverManager.getConnection(url);
            Dialect d = Dialect.of(url);
            if (d == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA busy_timeout = 10000");
                    s.execute("PRAGMA journal_mode = WAL");
                }
            }
            ResultsStore store = new ResultsStore(c, d, url, metrics);
            store.sweepStaleRuns();
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open results store " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    public String url() { return redact(url); }

    /** Writes the run's row with status {@code running}, committed at once; returns its id. */
    public synchronized long beginRun(String name, String backend, String referenceName, String configJson) {
        try {
            long configId = configId(configJson);
            ProcessHandle self = ProcessHandle.current();
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO runs (name, status, backend,"
                    + " reference_name, config_id, host, pid, pid_start, started_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, RunStatus.RUNNING.label());
                ps.setString(3, backend);
                ps.setString(4, referenceName);
                ps.setLong(5, configId);
                ps.setString(6, host);
                ps.setLong(7, self.pid());
                ps.setString(8, self.info().startInstant().map(Instant::toString).orElse(null));
                ps.setString(9, Instant.now().toString());
                ps.executeUpdate();
                long id = generatedId(ps);
                connection.commit();
                return id;
            }
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot start run " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stores everything the run measured and its final status, in one transaction. */
    public synchronized void finishRun(long runId, RunStatus status, String note, List<Baseline> baselines,
                                       List<Measurement> measurements, List<MetricScore> scores,
                                       String referenceName) {
        try {
            RunWriter.write(connection, metrics, runId, baselines, measurements, scores, referenceName);
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE runs SET status = ?, finished_at = ?, note = ? WHERE id = ?")) {
                ps.setString(1, status.label());
                ps.setString(2, Instant.now().toString());
                ps.setString(3, note);
                ps.setLong(4, runId);
                if (ps.executeUpdate() != 1) throw new SQLException("run " + runId + " is not in the store");
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot store the results of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** All runs, newest first. */
    public synchronized List<RunInfo> listRuns() {
        try {
            return RunReader.runs(connection, "SELECT * FROM runs r JOIN configs c ON c.id = r.config_id"
                    + " ORDER BY r.id DESC");
        } catch (SQLException e) {
            throw new StoreException("cannot list runs: " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    public synchronized Optional<RunRecord> loadRun(long id) {
        try {
            return RunReader.load(connection, metrics, id);
        } catch (SQLException e) {
            throw new StoreException("cannot read run " + id + ": " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    /** The newest complete run with this name, for {@code --reference NAME}. */
    public synchronized Optional<RunRecord> findCompleteRun(String name) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT MAX(id) FROM runs WHERE name = ? AND status = ?")) {
            ps.setString(1, name);
            ps.setString(2, RunStatus.COMPLETE.label());
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) return Optional.empty();
            }
            return RunReader.load(connection, metrics, id);
        } catch (SQLException e) {
            throw new StoreException("cannot look up run " + name + ": " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    /** Marks this host's {@code running} rows whose process is gone as incomplete; returns how many. */
    public synchronized int sweepStaleRuns() {
        try {
            int n = StaleRuns.sweep(connection, host);
            connection.commit();
            return n;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot check for stale runs: " + e.getMessage(), e);
        }
    }

    private long configId(String json) throws SQLException {
        String sha = sha256(json);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO configs (sha256, json) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            ps.setString(1, sha);
            ps.setString(2, json);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM configs WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("configuration row vanished");
                return rs.getLong(1);
            }
        }
    }

    static long generatedId(Statement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no id generated");
            return keys.getLong(1);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void endRead() {
        try {
            connection.commit();
        } catch (SQLException ignored) {
            // a read-only transaction; nothing to lose
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the database rolls back by itself
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The URL without a password, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close results store: " + e.getMessage(), e);
        }
    }
}
