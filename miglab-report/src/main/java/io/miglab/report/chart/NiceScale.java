package io.miglab.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round axis ticks ("nice numbers"): a step of 1, 2, 2.5 or 5 x 10^k, about five intervals, the ends on a step.
 * A person reads 0, 250, 500, 750, 1,000 at a glance; 0, 237, 474, ... needs arithmetic.
 */
public final class NiceScale {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    private NiceScale() { }

    /** The smallest round step that splits {@code span} into at most {@code intervals} parts. */
    public static double step(double span, int intervals) {
        if (!(span > 0)) return 1;
        double raw = span / intervals;
        int exponent = (int) Math.floor(Math.log10(raw));
        for (double m : MANTISSAS) {
            // m x 10^k computed in decimal, so 2.5e-7 is not 2.4999999999999998e-7
            double step = BigDecimal.valueOf(m).scaleByPowerOfTen(exponent).doubleValue();
            if (step >= raw * (1 - 1e-9)) return step;
        }
        return BigDecimal.TEN.scaleByPowerOfTen(exponent).doubleValue();
    }

    /** Ticks from a multiple of the step at or below {@code min} to one at or above {@code max}. */
    public static List<Double> ticks(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) return ticks(0, 1);
        if (max <= min) max = min == 0 ? 1 : min + Math.abs(min);
        double step = step(max - min, 5);
        long lo = (long) Math.floor(min / step + 1e-9);
        long hi = (long) Math.ceil(max / step - 1e-9);
        BigDecimal s = BigDecimal.valueOf(step);
        List<Double> out = new ArrayList<>();
        for (long k = lo; k <= hi; k++) out.add(s.multiply(BigDecimal.valueOf(k)).doubleValue());
        if (out.size() < 2) out.add(s.multiply(BigDecimal.valueOf(hi + 1)).doubleValue());
        return out;
    }

    /** Ticks from 0 (or below it, for negative data) covering {@code max}. */
    public static List<Double> ticks(double max) {
        return ticks(0, max);
    }
}
