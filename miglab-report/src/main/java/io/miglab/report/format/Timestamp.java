package io.miglab.report.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A moment to the second, in UTC: 2026-11-29 16:38:04 UTC (a report needs no nanoseconds). */
public final class Timestamp {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Timestamp() { }

    /** Rounded to the nearest second. */
    public static String of(Instant t) {
        return FORMAT.format(t.plusMillis(500).truncatedTo(ChronoUnit.SECONDS));
    }
}
