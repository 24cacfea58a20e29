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
        String shortest = Double.toString(Math.abs(v));
        // Double.toString writes 1e-3 <= v < 1e7 as plain digits with a point: rounded on the text, as BigDecimal would
        String digits = shortest.indexOf('E') < 0 ? rounded(shortest, decimals)
                : new BigDecimal(shortest).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return negative ? "-" + digits : digits;
    }

    /**
     * {@code plain} (digits, a point, at least one digit) rounded half up to {@code decimals} places: what
     * {@code new BigDecimal(plain).setScale(decimals, HALF_UP).toPlainString()} gives, without the big number.
     */
    static String rounded(String plain, int decimals) {
        int point = plain.indexOf('.');
        int have = plain.length() - point - 1;
        if (have <= decimals) return plain + "0".repeat(decimals - have);
        int end = decimals == 0 ? point : point + 1 + decimals;
        if (plain.charAt(point + 1 + decimals) < '5') return plain.substring(0, end);
        char[] kept = plain.substring(0, end).toCharArray();
        int i = kept.length - 1;
        for (; i >= 0; i--) {
            if (kept[i] == '.') continue;
            if (kept[i] != '9') {
                kept[i]++;
                break;
            }
            kept[i] = '0';
        }
        return i < 0 ? "1" + new String(kept) : new String(kept);
    }
}
