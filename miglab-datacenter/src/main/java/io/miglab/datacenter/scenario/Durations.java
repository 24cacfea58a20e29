package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 250ms}, {@code 300s}, {@code 5m}, {@code 24h}, {@code 1d}; a bare number is seconds. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|min|h|d)?\\s*$");

    private Durations() { }

    public static double seconds(String field, String text) {
        if (text == null) throw new InvalidSpecException(field, "a duration like 300s, 5m or 24h", "nothing");
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new InvalidSpecException(field, "a duration like 250ms, 300s, 5m, 24h or 1d", "'" + text + "'");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return n * switch (unit) {
            case "ms" -> 0.001;
            case "m", "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
    }

    public static Duration duration(String field, String text) {
        return Duration.ofNanos(Math.round(seconds(field, text) * 1e9));
    }
}
