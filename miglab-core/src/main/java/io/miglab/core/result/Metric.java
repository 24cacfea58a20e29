package io.miglab.core.result;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One figure of a {@link MigrationResult} as every writer lays it out: the people's table, {@code --json},
 * {@code --csv}, the benchmark's results store and the datacenter's {@code migrations.csv} all take their columns
 * from {@link Metrics}, so a new figure is its computation plus one line there.
 *
 * @param name     the key in JSON and CSV ({@code totalTimeMs}); part of the CLI contract
 * @param column   the snake-case name in the results store and the snake-case CSVs ({@code total_ms})
 * @param label    for people ({@code total time})
 * @param kind     the value's type
 * @param unit     the value's unit
 * @param tableRow where the people's table shows it (ascending); JSON, CSV and the store keep the list's order
 * @param part     a breakdown of the figure above it in the table (shown indented, not compared on its own)
 * @param stored   written to the JSON and the results store; false for a figure those already hold in another form
 *                 (the round count: both keep the rounds themselves)
 * @param reading  reads the figure from a result, typed ({@link MetricReading}); {@link #of} boxes it to the Java
 *                 type {@code kind} says
 * @param present  whether a result has the figure at all (host cost: only real backends measure it); the table
 *                 and the JSON leave an absent figure out, the CSV leaves its cell empty, the store keeps 0
 */
public record Metric(String name, String column, String label, Kind kind, Unit unit, int tableRow, boolean part,
                     boolean stored, MetricReading reading, Predicate<MigrationResult> present) {
    private static final Predicate<MigrationResult> ALWAYS = r -> true;

    /** The value's type: text, an enum constant's name, a yes/no flag, or a number. */
    public enum Kind {
        TEXT, NAME, FLAG, INT, LONG, REAL;

        public boolean numeric() {
            return this == INT || this == LONG || this == REAL;
        }
    }

    /** Times in milliseconds, sizes in bytes, shares in percent; {@code NONE} for counts and text. */
    public enum Unit { NONE, MS, BYTES, PERCENT }

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(present, "present");
        if (!name.matches("[a-z][A-Za-z0-9]*")) throw new IllegalArgumentException("metric name " + name);
        if (!column.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("metric column " + column);
        if (unit != Unit.NONE && !kind.numeric()) throw new IllegalArgumentException(name + ": a unit needs a number");
        if (!MetricReading.reads(reading, kind)) {
            throw new IllegalArgumentException(name + ": a " + kind + " read as " + reading);
        }
    }

    /** A figure every result has. */
    public Metric(String name, String column, String label, Kind kind, Unit unit, int tableRow, boolean part,
                  boolean stored, MetricReading reading) {
        this(name, column, label, kind, unit, tableRow, part, stored, reading, ALWAYS);
    }

    /** A figure the JSON and the results store hold, shown as its own row of the table, read as an object. */
    public static Metric of(String name, String column, String label, Kind kind, Unit unit, int tableRow,
                            Function<MigrationResult, ?> value) {
        return new Metric(name, column, label, kind, unit, tableRow, false, true, new MetricReading.Boxed(value));
    }

    /** As {@link #of}, a real number. */
    public static Metric real(String name, String column, String label, Unit unit, int tableRow,
                              ToDoubleFunction<MigrationResult> value) {
        return new Metric(name, column, label, Kind.REAL, unit, tableRow, false, true,
                new MetricReading.Real(value));
    }

    /** As {@link #of}, a whole number ({@code INT} or {@code LONG}). */
    public static Metric whole(String name, String column, String label, Kind kind, Unit unit, int tableRow,
                               ToLongFunction<MigrationResult> value) {
        return new Metric(name, column, label, kind, unit, tableRow, false, true, new MetricReading.Whole(value));
    }

    /** As {@link #of}, a yes/no flag. */
    public static Metric flag(String name, String column, String label, int tableRow,
                              Predicate<MigrationResult> value) {
        return new Metric(name, column, label, Kind.FLAG, Unit.NONE, tableRow, false, true,
                new MetricReading.Flag(value));
    }

    /** A byte count that breaks down the one shown above it in the table. */
    public static Metric bytesPart(String name, String column, String label, int tableRow,
                                   ToLongFunction<MigrationResult> value) {
        return new Metric(name, column, label, Kind.LONG, Unit.BYTES, tableRow, true, true,
                new MetricReading.Whole(value));
    }

    /** This figure, but kept out of the JSON and the store, which hold what it is computed from. */
    public Metric notStored() {
        return new Metric(name, column, label, kind, unit, tableRow, part, false, reading, present);
    }

    /** This figure, but only in the results that {@code when} holds for. */
    public Metric presentWhen(Predicate<MigrationResult> when) {
        return new Metric(name, column, label, kind, unit, tableRow, part, stored, reading, when);
    }

    /** This figure as a breakdown of the one shown above it in the table. */
    public Metric asPart() {
        return new Metric(name, column, label, kind, unit, tableRow, true, stored, reading, present);
    }

    /** Whether {@code r} has this figure (see {@link #present}). */
    public boolean presentIn(MigrationResult r) {
        return present.test(r);
    }

    /** The value: a String, an enum constant, a Boolean, an Integer, a Long or a Double, by {@link #kind}. */
    public Object of(MigrationResult r) {
        return reading.boxed(r, kind);
    }

    /** A number as a double (flags give 1 or 0); for comparisons and charts. */
    public double number(MigrationResult r) {
        Object v = of(r);
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new IllegalStateException(name + " is not a number");
    }

    /** The value as the CSVs write it: {@code String.valueOf}, so doubles in full precision and enums by name; empty
     * when the result does not have the figure. */
    public String text(MigrationResult r) {
        if (!presentIn(r)) return "";
        Object v = of(r);
        return v instanceof Enum<?> e ? e.name() : String.valueOf(v);
    }

    /**
     * Appends {@link #text}'s text to {@code out} without making a String or a boxed value of a number first
     * ({@code append(double)} writes the digits {@code String.valueOf(double)} gives): a batch writes tens of
     * figures per line.
     */
    public void appendText(StringBuilder out, MigrationResult r) {
        if (present != ALWAYS && !present.test(r)) return;
        reading.appendTo(out, r);
    }
}
