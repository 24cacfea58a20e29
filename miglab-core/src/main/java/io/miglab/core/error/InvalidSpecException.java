package io.miglab.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A migration input that is out of its allowed range. The message always names the field and what is
 * allowed, so the CLI can print it as it is and exit with code 2. The value given is written as a user would write
 * it: a {@link Duration} in the units of the duration flags ({@code 0ms}, {@code 25h}, {@code 1500ms}), an
 * {@link Optional} as its content or {@code nothing}.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidSpecException(String field, String allowed, Object got) {
        super(field + ": " + allowed + " (got " + describe(got) + ")");
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean ok, String field, String allowed, Object got) {
        if (!ok) throw new InvalidSpecException(field, allowed, got);
    }

    /** A value as the user would have written it. */
    public static String describe(Object got) {
        if (got instanceof Optional<?> o) return o.isPresent() ? describe(o.get()) : "nothing";
        if (got instanceof Duration d) return duration(d);
        return String.valueOf(got);
    }

    /** {@code 25h}, {@code 5m}, {@code 2s}, {@code 300ms}, {@code 250us}, {@code 0ms}: the largest exact unit. */
    static String duration(Duration d) {
        if (d.isZero()) return "0ms";
        if (d.isNegative()) return "-" + duration(d.negated());
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.toHours() + "h";
        }
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] units = {"h", "m", "s", "ms", "us"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) return nanos / sizes[i] + units[i];
        }
        return String.format(java.util.Locale.ROOT, "%.3fus", nanos / 1e3);
    }
}
