package io.miglab.core.unit;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every miglab input, flags and scenario files alike: a number and a unit, {@code 250us},
 * {@code 300ms}, {@code 1.5s}, {@code 5m} (or {@code 5min}), {@code 24h}, {@code 1d}. A unit is required, except
 * for {@code 0}, so that {@code 300} is never guessed to be seconds or milliseconds.
 */
public final class TimeSpan {
    public static final String ALLOWED = "a duration like 300ms, 2s or 1m";
    private static final Pattern FORMAT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|m|min|h|d)?\\s*$");
    private static final double MAX_NANOS = 1e18;

    private TimeSpan() { }

    public static Duration parse(String field, String text) {
        String quoted = text == null ? "nothing" : "'" + text + "'";
        Matcher m = FORMAT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new InvalidSpecException(field, ALLOWED, quoted);
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (number != 0) throw new InvalidSpecException(field, ALLOWED + " (a unit is needed)", quoted);
            return Duration.ZERO;
        }
        double nanos = number * switch (unit) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            default -> 86400e9;
        };
        if (nanos > MAX_NANOS) throw new InvalidSpecException(field, ALLOWED + " below 30 years", quoted);
        return Duration.ofNanos(Math.round(nanos));
    }
}
