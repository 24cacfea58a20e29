package io.miglab.cli.sweep;

import io.miglab.cli.spec.Values;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A parameter a sweep may vary, with how its text maps to a number: the base unit the range arithmetic uses
 * (bytes, bytes/s, pages/s, nanoseconds) and the display unit of CSV columns and plot axes (MiB, MiB/s, pages/s, ms).
 */
public enum SweepParameter {
    BANDWIDTH("bandwidth", "bandwidthMiBps", "bandwidth (MiB/s)"),
    MEMORY("memory", "memoryMiB", "memory (MiB)"),
    DIRTY_RATE("dirty-rate", "dirtyRatePagesPerSecond", "dirty rate (pages/s)"),
    WORKING_SET("working-set", "workingSetMiB", "working set (MiB)"),
    DOWNTIME_LIMIT("downtime-limit", "downtimeLimitMs", "downtime limit (ms)"),
    ALGORITHM("algorithm", "algorithm", "algorithm"),
    WRITER_PHASE("writer-phase", "writerPhase", "where the sweep starts (share of its array)");

    private static final double MIB = 1024.0 * 1024.0;
    /** The input key it sets ({@code memory}, {@code dirty-rate}, ...). */
    public final String key;
    /** Its CSV column name, with the unit. */
    public final String column;
    /** Its plot axis title, with the unit. */
    public final String axisTitle;

    SweepParameter(String key, String column, String axisTitle) {
        this.key = key;
        this.column = column;
        this.axisTitle = axisTitle;
    }

    public static SweepParameter byKey(String key) {
        for (SweepParameter p : values()) if (p.key.equals(key.trim().toLowerCase(Locale.ROOT))) return p;
        return null;
    }

    public boolean numeric() {
        return this != ALGORITHM;
    }

    /** Parses a value in the parameter's own syntax to the base unit; errors name the parameter. */
    double base(String text) {
        return switch (this) {
            case BANDWIDTH -> Values.rate(key, text).bytesPerSecond();
            case MEMORY, WORKING_SET -> Values.size(key, text).bytes();
            case DIRTY_RATE -> Values.nonNegative(key, text, "a number of pages/s >= 0 like 5000");
            case DOWNTIME_LIMIT -> Values.duration(key, text).toNanos();
            case WRITER_PHASE -> Values.shareBelowOne(key, text, SweepWrites.PHASE_RANGE + ", like 0.25 or 25%");
            case ALGORITHM -> throw new IllegalStateException("algorithm has no number");
        };
    }

    /** The base value as text the spec parser reads back exactly. */
    String text(double base) {
        return switch (this) {
            case BANDWIDTH -> plain(base);
            case MEMORY, WORKING_SET -> Long.toString(Math.round(base));
            case DIRTY_RATE, WRITER_PHASE -> plain(base);
            case DOWNTIME_LIMIT -> plain(base / 1e6) + "ms";
            case ALGORITHM -> throw new IllegalStateException();
        };
    }

    /** The base value in the display unit. */
    double display(double base) {
        return switch (this) {
            case BANDWIDTH, MEMORY, WORKING_SET -> base / MIB;
            case DIRTY_RATE, WRITER_PHASE -> base;
            case DOWNTIME_LIMIT -> base / 1e6;
            case ALGORITHM -> throw new IllegalStateException();
        };
    }

    /** A short label for tables and legends. */
    String label(double base) {
        return switch (this) {
            case BANDWIDTH -> plain(round(base / MIB)) + "MiB/s";
            case MEMORY, WORKING_SET -> ByteSize.format(Math.round(base));
            case DIRTY_RATE -> plain(base);
            case WRITER_PHASE -> plain(round(base));
            case DOWNTIME_LIMIT -> plain(round(base / 1e6)) + "ms";
            case ALGORITHM -> throw new IllegalStateException();
        };
    }

    /**
     * {@code v} without exponent or trailing zeros: {@code BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()},
     * which for a {@code Double.toString} without exponent is that text less the zeros ending its fraction.
     */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0 || !Double.isFinite(v)) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
