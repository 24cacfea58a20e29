package io.miglab.bench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs left {@code running} by a process that died (SIGKILL, power loss) and marks them incomplete. Only this
 * host's rows are looked at, and a row counts as alive only if a process with its pid and the same start time
 * exists, so a pid reused by another process does not keep a dead run alive. The caller commits.
 */
final class StaleRuns {
    private StaleRuns() { }

    static int sweep(Connection connection, String host) throws SQLException {
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, pid, pid_start FROM runs WHERE status = ? AND host = ?")) {
            ps.setString(1, RunStatus.RUNNING.label());
            ps.setString(2, host);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!alive(rs.getLong(2), rs.getString(3))) stale.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE runs SET status = ?, note = ? WHERE id = ? AND status = ?")) {
            for (long id : stale) {
                ps.setString(1, RunStatus.INCOMPLETE.label());
                ps.setString(2, "the process running it ended without storing results (killed?); found "
                        + Instant.now());
                ps.setLong(3, id);
                ps.setString(4, RunStatus.RUNNING.label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return stale.size();
    }

    private static boolean alive(long pid, String pidStart) {
        return ProcessHandle.of(pid).map(ph -> pidStart == null || ph.info().startInstant()
                .map(s -> s.toString().equals(pidStart)).orElse(true)).orElse(false);
    }
}
