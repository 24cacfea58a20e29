package io.miglab.report.format;

import java.time.Duration;
import java.util.Locale;

/** A value with its unit, in the unit that keeps it readable: 256 MiB, 119.2 MiB/s, 300 ms, 6 h, 0.24 %. */
public final class Quantity {
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Quantity() { }

    /** Bytes in binary units, 4 significant digits: 4,096 B is written 4 KiB. */
    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) return "-";
        int u = 0;
        double v = bytes;
        while (Math.abs(v) >= 1024 && u < BINARY.length - 1) {
            v /= 1024;
            u++;
        }
        return Num.sig(v, 4) + " " + BINARY[u];
    }

    /** A data rate in binary units per second: 1.25E8 B/s is 119.2 MiB/s. */
    public static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** A span of time: 56.5 ms, 1.24 s, 5 min, 6 h. */
    public static String seconds(double s) {
        if (Double.isNaN(s)) return "-";
        double a = Math.abs(s);
        if (a == 0) return "0 s";
        if (a < 1) return Num.sig(s * 1000, 3) + " ms";
        if (a < 120) return Num.sig(s, 3) + " s";
        if (a < 7200) return Num.sig(s / 60, 3) + " min";
        return Num.sig(s / 3600, 3) + " h";
    }

    public static String millis(double ms) {
        return ms == 0 ? "0 ms" : seconds(ms / 1000);
    }

    public static String duration(Duration d) {
        return seconds(d.toNanos() / 1e9);
    }

    /** A percentage (already times 100): 0.24 %, 12.5 %, 100 %. */
    public static String percent(double percent) {
        if (Double.isNaN(percent)) return "-";
        double a = Math.abs(percent);
        String n = a >= 100 ? Num.fixed(percent, 0) : a >= 10 ? String.format(Locale.ROOT, "%.1f", percent)
                : String.format(Locale.ROOT, "%.2f", percent);
        return n + " %";
    }

    /** A share from 0 to 1 as a percentage. */
    public static String share(double share) {
        return percent(share * 100);
    }

    /** A count with what it counts: 1,071 events. */
    public static String count(long n, String what) {
        return Num.count(n) + " " + what;
    }
}
