package io.miglab.core.unit;

import io.miglab.core.error.InvalidSpecException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transfer rate in bytes per second. Parses binary byte rates ({@code 100MiB/s}, {@code 1GiB/s}, and a bare
 * {@code 100M} or {@code 100M/s}, like QEMU's {@code max-bandwidth}), decimal byte rates ({@code 100MB/s} =
 * 10^8 B/s, {@code 100MBps}) and decimal bit rates ({@code 800Mbit/s}, {@code 10Gbit/s}, {@code 800Mbps}). A lone
 * lowercase {@code b} after a prefix ({@code 100Mb/s}) could be a bit or a byte and is refused.
 */
public record DataRate(double bytesPerSecond) implements Comparable<DataRate> {
    private static final String ALLOWED = "a rate > 0 like 100MiB/s, 1GiB/s, 800Mbit/s or 10Gbit/s";
    private static final Pattern FORMAT = Pattern.compile(
            "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtT]?)(iB|ib|B|b|bits?|Bps|bps)?\\s*(/s)?\\s*$");

    public DataRate {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new InvalidSpecException("rate", "must be a finite rate > 0", bytesPerSecond);
        }
    }

    public static DataRate ofBytesPerSecond(double b) { return new DataRate(b); }
    public static DataRate ofMiBps(double mib) { return new DataRate(mib * ByteSize.MIB); }
    public static DataRate ofGbitps(double gbit) { return new DataRate(gbit * 1e9 / 8); }

    /**
     * Parses a rate. {@code MiB/s}, {@code M/s}, {@code M}: binary bytes; {@code MB/s}, {@code MBps}: decimal bytes
     * (10^6 B/s); {@code Mbit/s}, {@code Mbps}: decimal bits, as networks count.
     */
    public static DataRate parse(String field, String text) {
        if (text == null) throw new InvalidSpecException(field, ALLOWED, "nothing");
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) throw new InvalidSpecException(field, ALLOWED, "'" + text + "'");
        String prefix = m.group(2).toLowerCase(Locale.ROOT);
        String unit = m.group(3) == null ? "" : m.group(3);
        boolean perSecondTwice = m.group(4) != null && unit.endsWith("ps");
        boolean binaryWithoutPrefix = prefix.isEmpty() && unit.equalsIgnoreCase("ib");
        if (perSecondTwice || binaryWithoutPrefix) throw new InvalidSpecException(field, ALLOWED, "'" + text + "'");
        if (unit.equals("b") && !prefix.isEmpty()) {
            throw new InvalidSpecException(field, ALLOWED + ", or 100MB/s (10^6 B/s); a lone lowercase b could be a "
                    + "bit or a byte", "'" + text + "'");
        }
        int power = ByteSize.power(prefix);
        double scale = switch (unit) {
            case "", "iB", "ib" -> Math.pow(1024, power);
            case "B", "Bps" -> Math.pow(1000, power);
            default -> Math.pow(1000, power) / 8.0;
        };
        double value = Double.parseDouble(m.group(1)) * scale;
        if (!(value > 0) || Double.isInfinite(value)) throw new InvalidSpecException(field, ALLOWED, "'" + text + "'");
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
