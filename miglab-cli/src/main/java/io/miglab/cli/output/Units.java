package io.miglab.cli.output;

import java.util.Locale;

/** How the text writers show quantities: times in ms (and s when long), sizes in MiB. Formatting only. */
public final class Units {
    private static final double MIB = 1024.0 * 1024.0;

    private Units() { }

    public static String ms(double ms) {
        if (Math.abs(ms) >= 1000) return String.format(Locale.ROOT, "%.1f ms (%.2f s)", ms, ms / 1000);
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    public static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms / 1000);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    public static String mibNumber(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }

    public static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    public static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
