package io.miglab.report.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a person reads them: no exponents, thousands separated, as many digits as the size needs. */
public final class Num {
    private Num() { }

    /** A figure for a table cell: about 3 significant digits, thousands separated, "-" for none. */
    public static String of(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "-";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 99.95) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 9.995) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A count: 1,071. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code v} with exactly {@code decimals} decimals, thousands separated. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /**
     * {@code v} to {@code digits} significant digits, trailing zeros dropped, thousands separated, never in
     * exponent form: 119.2, 0.2409, 1,250,000.
     */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "-";
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        if (d.scale() <= 0) return String.format(Locale.ROOT, "%,d", d.toBigInteger());
        String s = d.toPlainString();
        int dot = s.indexOf('.');
        String whole = s.substring(0, dot);
        boolean negative = whole.startsWith("-");
        long w = Long.parseLong(negative ? whole.substring(1) : whole);
        return (negative ? "-" : "") + String.format(Locale.ROOT, "%,d", w) + s.substring(dot);
    }

    /** An axis tick: 0, 2.5, 250, 1,000 (the step already made it round; float noise removed). */
    public static String tick(double v) {
        return sig(Math.abs(v) < 1e-12 ? 0 : v, 6);
    }
}
