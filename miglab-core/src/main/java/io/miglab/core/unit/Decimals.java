package io.miglab.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A number with a fixed count of decimals, the same text as {@code String.format(Locale.ROOT, "%.<n>f", v)} (the
 * shortest decimal digits of {@code v}, rounded half up; a negative value keeps its minus sign even when it rounds
 * to zero) without the format string's parsing, which dominated batches of predictions and long sweeps.
 */
public final class Decimals {
    private Decimals() { }

    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) return String.format(Locale.ROOT, "%." + decimals + "f", v);
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        return negative ? "-" + digits : digits;
    }
}
