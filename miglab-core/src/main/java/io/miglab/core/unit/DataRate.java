package io.miglab.core.unit;

import io.miglab.core.error.InvalidSpecException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transfer rate in bytes per second. Parses {@code 100MiB/s}, {@code 1GiB/s}, {@code 800Mbit/s}, {@code 10Gbit/s};
 * a bare size such as {@code 100M} means bytes (binary) per second, like QEMU's {@code max-bandwidth}.
 */
public record DataRate(double bytesPerSecond) implements Comparable<DataRate> {
    private static final Pattern FORMAT = Pattern.compile(
            "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(ib|b|bit|bps)?\\s*(/s|ps)?\\s*$");

    public DataRate {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new InvalidSpecException("rate", "must be a finite rate > 0", bytesPerSecond);
        }
    }

    public static DataRate ofBytesPerSecond(double b) { return new DataRate(b); }
    public static DataRate ofMiBps(double mib) { return new DataRate(mib * ByteSize.MIB); }
    public static DataRate ofGbitps(double gbit) { return new DataRate(gbit * 1e9 / 8); }

    /**
     * Parses a rate. Byte units are binary ({@code MiB/s}, {@code M/s}, {@code M}); bit units are decimal as in
     * networking ({@code Mbit/s} = 10^6 bit/s, {@code Gbit/s}, also {@code Mbps}).
     */
    public static DataRate parse(String field, String text) {
        String allowed = "a rate > 0 like 100MiB/s, 1GiB/s, 800Mbit/s or 10Gbit/s";
        if (text == null) throw new InvalidSpecException(field, allowed, "nothing");
        Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new InvalidSpecException(field, allowed, "'" + text + "'");
        double number = Double.parseDouble(m.group(1));
        String prefix = m.group(2);
        String unit = m.group(3) == null ? "" : m.group(3);
        boolean bits = unit.equals("bit") || unit.equals("bps");
        double scale;
        if (bits) {
            scale = switch (prefix) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                case "g" -> 1e9;
                case "t" -> 1e12;
                default -> 1;
            } / 8.0;
        } else {
            scale = switch (prefix) {
                case "k" -> ByteSize.KIB;
                case "m" -> ByteSize.MIB;
                case "g" -> ByteSize.GIB;
                case "t" -> ByteSize.TIB;
                default -> 1;
            };
        }
        double value = number * scale;
        if (!(value > 0)) throw new InvalidSpecException(field, allowed, "'" + text + "'");
        return new DataRate(value);
    }

    public double mibPerSecond() { return bytesPerSecond / ByteSize.MIB; }

    /** Seconds needed to move {@code bytes} at this rate. */
    public double secondsFor(double bytes) { return bytes / bytesPerSecond; }

    public DataRate min(DataRate other) { return bytesPerSecond <= other.bytesPerSecond ? this : other; }

    @Override
    public int compareTo(DataRate o) { return Double.compare(bytesPerSecond, o.bytesPerSecond); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4gMiB/s", mibPerSecond());
    }
}
