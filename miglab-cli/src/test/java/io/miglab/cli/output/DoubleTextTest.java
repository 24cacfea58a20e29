package io.miglab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleTextTest {
    // Guards the layout the CSVs had with Double.toString: the same text for zeros, the limits, the switch to
    // E-notation at 10^7 and 10^-3, and the figures a batch row holds.
    @Test
    void usualAndSpecialValues_readAsDoubleToString() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 0.5, 0.001, 9.99E-4, 9999999.0, 1.0E7, 13.437589181059064,
            11957.55682060155, 11944.11923142049, 100.0, 1.0E-300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : values) {
            assertThat(DoubleText.of(v)).as("%s", v).isEqualTo(Double.toString(v));
            StringBuilder b = new StringBuilder("x");
            DoubleText.append(b, v);
            assertThat(b.toString()).isEqualTo("x" + Double.toString(v));
        }
    }

    // Guards the promise that a figure reads back as the same double, never with more digits than Java 17 wrote,
    // and in the same notation.
    @Test
    void anyDouble_readsBackTheSame_inNoMoreCharacters() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 1e5;
            if (Double.isNaN(v)) continue;
            String text = DoubleText.of(v), java = Double.toString(v);
            assertThat(Double.parseDouble(text)).as(java).isEqualTo(v);
            assertThat(text.length()).as(java).isLessThanOrEqualTo(java.length());
            assertThat(text.contains("E")).as(java).isEqualTo(java.contains("E"));
        }
    }
}
