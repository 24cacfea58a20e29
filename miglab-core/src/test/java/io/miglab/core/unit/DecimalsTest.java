package io.miglab.core.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    // Guards the texts of every table, CSV and assumption that moved from String.format to Decimals: a value
    // rounded the other way (half up on the shortest digits, not on the binary value), a lost minus sign on a
    // negative that rounds to zero, or a different NaN would change outputs that are pinned byte for byte.
    @Test
    void fixed_isStringFormatsText_forTrickyAndRandomValues() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, -0.04, 0.05, 0.15, 0.25, 1.005, 2.5, -2.5, 0.045,
                1e7, 1.2345e7, 9.999999e6, 99.95, 1e-5, 123456789.125, 4.35, 1e20, -1e-9, 1e300, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2441.5, 2441.4999));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            values.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-10, 20)));
            values.add(Math.round(random.nextDouble() * 100_000) / 1000.0 + (random.nextBoolean() ? 0.0005 : 0.005));
        }
        for (double v : values) {
            for (int decimals = 0; decimals <= 4; decimals++) {
                assertThat(Decimals.fixed(v, decimals)).as("%s with %d decimals", v, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
        }
    }
    // Guards the rounding on the text against the big-number rounding it replaces, where the carry runs through
    // nines, the point and into a new leading digit, and where there are fewer digits than decimals.
    @Test
    void rounded_isBigDecimalsHalfUp_onPlainTexts() {
        List<String> texts = new ArrayList<>(List.of("0.0", "0.5", "0.4999", "9.5", "9.96", "99.95", "999.9995",
                "0.05", "0.005", "1.0", "123.456", "9999999.5", "0.001", "5.55555"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String t = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-3, 7)));
            if (t.indexOf('E') < 0) texts.add(t);
        }
        for (String t : texts) {
            for (int decimals = 0; decimals <= 6; decimals++) {
                assertThat(Decimals.rounded(t, decimals)).as("%s with %d decimals", t, decimals)
                        .isEqualTo(new java.math.BigDecimal(t).setScale(decimals, java.math.RoundingMode.HALF_UP)
                                .toPlainString());
            }
        }
    }
}
