package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sweep's plain number text (CSV cells, labels, spec texts) against the BigDecimal text it stands for. */
class SweepPlainNumberTest {
    // Guards the shortcut past BigDecimal: the same text for steps of a sweep, fractions, large and tiny values.
    @Test
    void plain_isBigDecimalsPlainText() {
        Random random = new Random(5);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 5) {
                case 0 -> 2441 + (i / 5) * 0.001;
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> -random.nextInt(100_000) / 1000.0;
                case 3 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(v)) continue;
            assertThat(SweepParameter.plain(v)).as("%s", v)
                    .isEqualTo(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                            : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        }
    }
}
