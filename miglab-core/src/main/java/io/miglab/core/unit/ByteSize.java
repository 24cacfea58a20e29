package io.miglab.core.unit;

import io.miglab.core.error.InvalidSpecException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-negative amount of memory or data, in bytes. Parses binary sizes ({@code 256M}, {@code 4G}, {@code 64GiB}:
 * K, M, G, T = 1024-based) and decimal ones ({@code 4GB} = 4 x 10^9 B, {@code 500MB}, {@code 64kB}); a lowercase
 * {@code b} after a prefix ({@code 1Gb}) is a bit, refused rather than guessed.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
    public static final long KIB = 1024L, MIB = KIB * 1024, GIB = MIB * 1024, TIB = GIB * 1024;
    static final String ALLOWED = "a non-negative size like 4096, 256M, 4G or 64GiB";
    private static final Pattern FORMAT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT]?)(i?)([bB]?)\\s*$");

    public ByteSize {
        if (bytes < 0) throw new InvalidSpecException("size", "must be >= 0 bytes", bytes);
    }

    public static ByteSize ofBytes(long bytes) { return new ByteSize(bytes); }
    public static ByteSize ofKiB(long k) { return new ByteSize(k * KIB); }
    public static ByteSize ofMiB(long m) { return new ByteSize(m * MIB); }
    public static ByteSize ofGiB(long g) { return new ByteSize(g * GIB); }

    /**
     * Parses a size such as {@code 4096}, {@code 256M}, {@code 256MiB}, {@code 4G}, {@code 1.5GiB} (binary) or
     * {@code 4GB}, {@code 500MB} (decimal, SI). {@code field} names the input in the error message.
     */
    public static ByteSize parse(String field, String text) {
        if (text == null) throw new InvalidSpecException(field, "a size like 256M, 4G or 64GiB is required", "nothing");
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) throw new InvalidSpecException(field, ALLOWED, "'" + text + "'");
        String prefix = m.group(2).toLowerCase(Locale.ROOT);
        boolean binary = !m.group(3).isEmpty();
        String b = m.group(4);
        if (prefix.isEmpty() && binary) throw new InvalidSpecException(field, ALLOWED, "'" + text + "'");
        if (!prefix.isEmpty() && !binary && b.equals("b")) {
            throw new InvalidSpecException(field, ALLOWED + " (binary), or 4GB (decimal); a lowercase b is a bit",
                    "'" + text + "'");
        }
        boolean decimal = !prefix.isEmpty() && !binary && b.equals("B");
        double number = Double.parseDouble(m.group(1));
        double unit = decimal ? Math.pow(1000, power(prefix)) : Math.pow(1024, power(prefix));
        double bytes = number * unit;
        if (bytes > Long.MAX_VALUE / 2) throw new InvalidSpecException(field, "a size below 4 EiB", "'" + text + "'");
        return new ByteSize(Math.round(bytes));
    }

    /** 0 for none, 1 for k, 2 for m, 3 for g, 4 for t. */
    static int power(String prefix) {
        return switch (prefix) {
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            default -> 0;
        };
    }

    public double mib() { return bytes / (double) MIB; }

    @Override
    public int compareTo(ByteSize o) { return Long.compare(bytes, o.bytes); }

    @Override
    public String toString() { return format(bytes); }

    public static String format(double bytes) {
        if (bytes >= GIB && bytes % GIB == 0) return (long) (bytes / GIB) + "GiB";
        if (bytes >= MIB && bytes % MIB == 0) return (long) (bytes / MIB) + "MiB";
        if (bytes >= KIB && bytes % KIB == 0) return (long) (bytes / KIB) + "KiB";
        if (bytes >= MIB) return Decimals.fixed(bytes / MIB, 1) + "MiB";
        return (long) bytes + "B";
    }
}
