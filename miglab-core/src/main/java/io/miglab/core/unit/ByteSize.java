package io.miglab.core.unit;

import io.miglab.core.error.InvalidSpecException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A non-negative amount of memory or data, in bytes. Parses binary suffixes: {@code 256M}, {@code 4G}, {@code 64GiB}. */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
    public static final long KIB = 1024L, MIB = KIB * 1024, GIB = MIB * 1024, TIB = GIB * 1024;
    private static final Pattern FORMAT = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(?:i?b)?\\s*$");

    public ByteSize {
        if (bytes < 0) throw new InvalidSpecException("size", "must be >= 0 bytes", bytes);
    }

    public static ByteSize ofBytes(long bytes) { return new ByteSize(bytes); }
    public static ByteSize ofKiB(long k) { return new ByteSize(k * KIB); }
    public static ByteSize ofMiB(long m) { return new ByteSize(m * MIB); }
    public static ByteSize ofGiB(long g) { return new ByteSize(g * GIB); }

    /**
     * Parses a size such as {@code 4096}, {@code 256M}, {@code 256MiB}, {@code 4G}, {@code 1.5GiB}. Suffixes are
     * binary (K = 1024). {@code field} names the input in the error message.
     */
    public static ByteSize parse(String field, String text) {
        if (text == null) throw new InvalidSpecException(field, "a size like 256M, 4G or 64GiB is required", "nothing");
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidSpecException(field, "a non-negative size like 4096, 256M, 4G or 64GiB", "'" + text + "'");
        }
        double number = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "k" -> KIB;
            case "m" -> MIB;
            case "g" -> GIB;
            case "t" -> TIB;
            default -> 1L;
        };
        double bytes = number * unit;
        if (bytes > Long.MAX_VALUE / 2) throw new InvalidSpecException(field, "a size below 4 EiB", "'" + text + "'");
        return new ByteSize(Math.round(bytes));
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
        if (bytes >= MIB) return String.format(Locale.ROOT, "%.1fMiB", bytes / MIB);
        return (long) bytes + "B";
    }
}
