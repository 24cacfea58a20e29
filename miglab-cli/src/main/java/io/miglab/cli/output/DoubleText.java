package io.miglab.cli.output;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * A real figure as the CSV writers print it: the shortest decimal that reads back as the same double, laid out as
 * {@code Double.toString} lays it out ({@code 0.0}, {@code 13.437589181059064}, {@code 1.2E7}, {@code NaN}). This is
 * what Java 19 and later print (Raffaello Giulietti's Schubfach algorithm, "The Schubfach way to render doubles",
 * 2020, through jackson-core's copy of it); Java 17's {@code Double.toString} takes about twice as long and now and
 * then writes a digit more than needed. On the golden outputs and a million batch rows the two texts are the same.
 */
public final class DoubleText {
    private DoubleText() { }

    public static void append(StringBuilder out, double v) {
        // most figures of a row are 0 (no storage, no post-copy, no failure): no digits to find
        if (Double.doubleToRawLongBits(v) == 0) out.append("0.0");
        else out.append(NumberOutput.toString(v, true));
    }

    public static String of(double v) {
        return Double.doubleToRawLongBits(v) == 0 ? "0.0" : NumberOutput.toString(v, true);
    }
}
