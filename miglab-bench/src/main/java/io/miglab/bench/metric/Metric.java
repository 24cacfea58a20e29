package io.miglab.bench.metric;

import io.miglab.core.unit.ByteSize;

/** The four Virt-LM metrics. Lower is better for each. */
public enum Metric {
    DOWNTIME("downtime", "ms"),
    TOTAL_TIME("total migration time", "ms"),
    DATA("migrated data", "MiB"),
    OVERHEAD("migration overhead", "%");

    private final String title;
    private final String unit;

    Metric(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() { return title; }

    public String unit() { return unit; }

    /** A column-safe key: {@code downtime}, {@code total_time}, {@code data}, {@code overhead}. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }

    public double of(Measurement m) {
        return switch (this) {
            case DOWNTIME -> m.result().timing().downtimeMs();
            case TOTAL_TIME -> m.result().timing().totalTimeMs();
            case DATA -> m.result().traffic().bytesTransferred() / (double) ByteSize.MIB;
            case OVERHEAD -> m.overheadPercent();
        };
    }

    public static Metric byKey(String key) {
        for (Metric m : values()) if (m.key().equals(key)) return m;
        throw new IllegalArgumentException("unknown metric " + key);
    }
}
