package io.miglab.report.chart;

import io.miglab.report.format.Num;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis in round units: whole hours (1, 2, 3, 4, 6, 12, 24 h apart) for runs of two hours or more, whole
 * minutes (1, 2, 5, 10, 15, 20, 30 apart) from two minutes, seconds on nice steps below that.
 */
public final class TimeScale {
    private static final double[] HOUR_STEPS = {1, 2, 3, 4, 6, 12, 24, 48, 72, 168};
    private static final double[] MINUTE_STEPS = {1, 2, 5, 10, 15, 20, 30, 60};
    private static final int MAX_INTERVALS = 8;

    private TimeScale() { }

    /** The axis for data from 0 to {@code maxSeconds}; tick positions stay in seconds, labels in the unit. */
    public static Axis axis(String title, double maxSeconds) {
        if (!(maxSeconds > 0)) maxSeconds = 1;
        String unit;
        double perUnit;
        double step;
        if (maxSeconds >= 7200) {
            unit = "h";
            perUnit = 3600;
            step = pick(HOUR_STEPS, maxSeconds / perUnit);
        } else if (maxSeconds >= 120) {
            unit = "min";
            perUnit = 60;
            step = pick(MINUTE_STEPS, maxSeconds / perUnit);
        } else {
            unit = "s";
            perUnit = 1;
            step = NiceScale.step(maxSeconds, 5);
        }
        List<Double> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        long n = (long) Math.ceil(maxSeconds / perUnit / step - 1e-9);
        for (long k = 0; k <= Math.max(1, n); k++) {
            double inUnit = k * step;
            ticks.add(inUnit * perUnit);
            labels.add(Num.tick(inUnit));
        }
        return new Axis(title + " (" + unit + ")", 0, ticks.get(ticks.size() - 1), ticks, labels, true);
    }

    private static double pick(double[] steps, double span) {
        for (double s : steps) {
            if (span / s <= MAX_INTERVALS) return s;
        }
        return NiceScale.step(span, MAX_INTERVALS);
    }
}
