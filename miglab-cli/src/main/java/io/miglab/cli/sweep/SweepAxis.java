package io.miglab.cli.sweep;

import java.util.List;

/** One varied parameter and its values, in order. */
public record SweepAxis(SweepParameter parameter, List<Value> values) {
    /**
     * One value: {@code text} as the spec reads it, {@code x} in the display unit (the index for algorithms),
     * {@code label} for tables and legends.
     */
    public record Value(String text, double x, String label) { }

    public SweepAxis {
        values = List.copyOf(values);
    }
}
