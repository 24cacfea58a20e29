package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.unit.TimeSpan;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the text of one input. Every error is an {@link InvalidSpecException} whose message names the field and
 * says what is allowed, e.g. {@code memory: a non-negative size like 4096, 256M, 4G or 64GiB (got '-5')}.
 */
public final class Values {
    private static final Pattern NUMBER = Pattern.compile("^\\s*[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\s*$");
    private static final Pattern INTEGER = Pattern.compile("^\\s*-?[0-9]{1,18}\\s*$");

    private Values() { }

    public static ByteSize size(String field, String text) {
        return ByteSize.parse(field, text);
    }

    public static DataRate rate(String field, String text) {
        return DataRate.parse(field, text);
    }

    /** {@code 300ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 250us}, {@code 1h}, {@code 1d}; a bare number only for 0. */
    public static Duration duration(String field, String text) {
        return TimeSpan.parse(field, text);
    }

    /** A finite number >= 0, such as a rate in pages per second. */
    public static double nonNegative(String field, String text, String allowed) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            throw new InvalidSpecException(field, allowed, quote(text));
        }
        double v = Double.parseDouble(text.trim());
        if (!Double.isFinite(v)) throw new InvalidSpecException(field, allowed, quote(text));
        return v;
    }

    /** A share from 0 to 1, written {@code 0.3} or {@code 30%}. */
    public static double share(String field, String text) {
        String allowed = "a share from 0 to 1, like 0.3 or 30%";
        String t = text == null ? "" : text.trim();
        boolean percent = t.endsWith("%");
        if (percent) t = t.substring(0, t.length() - 1);
        double v = nonNegative(field, t, allowed);
        if (percent) v /= 100;
        if (v > 1) throw new InvalidSpecException(field, allowed, quote(text));
        return v;
    }

    /** A share from 0 to below 1, written {@code 0.3} or {@code 30%}; {@code allowed} says so in the field's words. */
    public static double shareBelowOne(String field, String text, String allowed) {
        String t = text == null ? "" : text.trim();
        boolean percent = t.endsWith("%");
        double v = nonNegative(field, percent ? t.substring(0, t.length() - 1) : t, allowed) / (percent ? 100 : 1);
        if (v >= 1) throw new InvalidSpecException(field, allowed, quote(text));
        return v;
    }

    public static long integer(String field, String text, long min, long max) {
        String allowed = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        if (text == null || !INTEGER.matcher(text).matches()) {
            throw new InvalidSpecException(field, allowed, quote(text));
        }
        long v = Long.parseLong(text.trim());
        if (v < min || v > max) throw new InvalidSpecException(field, allowed, quote(text));
        return v;
    }

    public static boolean bool(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw new InvalidSpecException(field, "true or false", quote(text));
    }

    /** One of {@code allowed}, compared without case. */
    public static String choice(String field, String text, String... allowed) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) if (a.equals(t)) return a;
        throw new InvalidSpecException(field, "one of " + String.join(", ", allowed), quote(text));
    }

    static String quote(String text) {
        return text == null ? "nothing" : "'" + text + "'";
    }
}
