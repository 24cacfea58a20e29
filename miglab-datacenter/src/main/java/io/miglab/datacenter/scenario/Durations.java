package io.miglab.datacenter.scenario;

import io.miglab.core.unit.TimeSpan;
import java.time.Duration;

/**
 * Durations in scenario files, with the same syntax as the command line's flags ({@link TimeSpan}): {@code 250us},
 * {@code 250ms}, {@code 300s}, {@code 5m}, {@code 24h}, {@code 1d}; a unit is required except for {@code 0}.
 */
public final class Durations {
    private Durations() { }

    public static double seconds(String field, String text) {
        return duration(field, text).toNanos() / 1e9;
    }

    public static Duration duration(String field, String text) {
        return TimeSpan.parse(field, text);
    }
}
