package io.miglab.cli.output;

import io.miglab.core.unit.Decimals;

/** How the text writers show quantities: times in ms (and s when long), sizes in MiB. Formatting only. */
public final class Units {
    private static final double MIB = 1024.0 * 1024.0;

    private Units() { }

    public static String ms(double ms) {
        if (Math.abs(ms) >= 1000) return Decimals.fixed(ms, 1) + " ms (" + Decimals.fixed(ms / 1000, 2) + " s)";
        return Decimals.fixed(ms, 1) + " ms";
    }

    public static String seconds(double ms) {
        return Decimals.fixed(ms / 1000, 2);
    }

    public static String mib(long bytes) {
        return Decimals.fixed(bytes / MIB, 1) + " MiB";
    }

    public static String mibNumber(long bytes) {
        return Decimals.fixed(bytes / MIB, 1);
    }

    public static String number(double v, int decimals) {
        return Decimals.fixed(v, decimals);
    }

    public static String percent(double p) {
        return Decimals.fixed(p, 1) + " %";
    }

    public static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
