package io.miglab.bench.store;

import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code migrations} table's result columns, one per stored metric of {@link Metrics} (named by
 * {@link Metric#column()}): their SQL types, how a value is bound and read, and adding the columns an older
 * store lacks.
 */
final class MetricColumns {
    private MetricColumns() { }

    static String sqlType(Metric m) {
        return switch (m.kind()) {
            case TEXT -> "TEXT";
            case NAME -> "VARCHAR(32)";
            case FLAG -> "BOOLEAN";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case REAL -> "DOUBLE PRECISION";
        };
    }

    /** {@code col TYPE NOT NULL, ...} for a new table. */
    static String definitions(Metrics metrics) {
        StringBuilder b = new StringBuilder();
        for (Metric m : metrics.stored()) {
            b.append(' ').append(m.column()).append(' ').append(sqlType(m)).append(" NOT NULL,");
        }
        return b.toString();
    }

    /**
     * Adds the metric columns a store written by an earlier miglab lacks; nullable, since its rows have no value
     * (they read back as 0). Returns the columns added.
     */
    static List<String> addMissing(Connection c, Metrics metrics) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM migrations WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) present.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        List<Metric> missing = metrics.stored().stream().filter(m -> !present.contains(m.column())).toList();
        try (Statement s = c.createStatement()) {
            for (Metric m : missing) s.execute("ALTER TABLE migrations ADD COLUMN " + m.column() + " " + sqlType(m));
        }
        return missing.stream().map(Metric::column).toList();
    }

    static void bind(PreparedStatement ps, int index, Metric m, Object v) throws SQLException {
        switch (m.kind()) {
            case TEXT -> ps.setString(index, (String) v);
            case NAME -> ps.setString(index, ((Enum<?>) v).name());
            case FLAG -> ps.setBoolean(index, (Boolean) v);
            case INT -> ps.setInt(index, ((Number) v).intValue());
            case LONG -> ps.setLong(index, ((Number) v).longValue());
            case REAL -> ps.setDouble(index, ((Number) v).doubleValue());
        }
    }

    /** The column's value, or null for none (a row older than the column). */
    static Object read(ResultSet rs, Metric m) throws SQLException {
        Object v = switch (m.kind()) {
            case TEXT, NAME -> rs.getString(m.column());
            case FLAG -> rs.getBoolean(m.column());
            case INT -> rs.getInt(m.column());
            case LONG -> rs.getLong(m.column());
            case REAL -> rs.getDouble(m.column());
        };
        return rs.wasNull() ? null : v;
    }
}
