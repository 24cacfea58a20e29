package io.miglab.report.chart;

import io.miglab.report.format.Num;
import java.util.List;

/**
 * One numeric axis: its title (with the unit), its range, and its ticks with their labels.
 *
 * @param time the ticks are round times ({@link TimeScale}) rather than nice numbers ({@link NiceScale})
 */
public record Axis(String title, double min, double max, List<Double> ticks, List<String> labels, boolean time) {
    public Axis {
        ticks = List.copyOf(ticks);
        labels = List.copyOf(labels);
        if (ticks.size() != labels.size()) throw new IllegalArgumentException("one label per tick");
    }

    /** A linear axis over the data and 0, with nice ticks at its ends. */
    public static Axis linear(String title, double dataMin, double dataMax) {
        List<Double> t = NiceScale.ticks(Math.min(0, dataMin), Math.max(0, dataMax));
        return new Axis(title, t.get(0), t.get(t.size() - 1), t, t.stream().map(Num::tick).toList(), false);
    }

    /** Where {@code v} lies between the ends: 0 at {@code min}, 1 at {@code max}. */
    public double fraction(double v) {
        return (v - min) / (max - min);
    }
}
