package io.miglab.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class NiceScaleTest {
    // Keeps away ticks like 1.18, 2.37, ... h (a fifth of the data's range) on any axis.
    @Test
    void ticksAreRoundAndCoverTheData() {
        assertThat(NiceScale.ticks(3836)).containsExactly(0.0, 1000.0, 2000.0, 3000.0, 4000.0);
        assertThat(NiceScale.ticks(22.1)).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
        assertThat(NiceScale.ticks(1001)).containsExactly(0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0);
        assertThat(NiceScale.ticks(0.3)).containsExactly(0.0, 0.1, 0.2, 0.3);
        assertThat(NiceScale.ticks(-12, 38)).containsExactly(-20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0);
        assertThat(NiceScale.ticks(0)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    }

    // For any data, the step is 1, 2, 2.5 or 5 times a power of ten and the ticks cover the data in 3 to 7 steps.
    @Property
    void anyMaximumGetsRoundTicks(@ForAll @DoubleRange(min = 1e-6, max = 1e12) @Scale(9) double max) {
        List<Double> t = NiceScale.ticks(max);
        assertThat(t.get(0)).isZero();
        assertThat(t.get(t.size() - 1)).isGreaterThanOrEqualTo(max * (1 - 1e-12));
        assertThat(t.size() - 1).isBetween(2, 6);
        BigDecimal step = BigDecimal.valueOf(t.get(1));
        String mantissa = step.movePointLeft(step.precision() - step.scale() - 1).stripTrailingZeros().toPlainString();
        assertThat(mantissa).isIn("1", "2", "2.5", "5");
        for (int i = 1; i < t.size(); i++) {
            assertThat(BigDecimal.valueOf(t.get(i)).subtract(BigDecimal.valueOf(t.get(i - 1))))
                    .isEqualByComparingTo(step);
        }
    }
}
