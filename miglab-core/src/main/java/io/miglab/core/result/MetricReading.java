package io.miglab.core.result;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * How a {@link Metric} reads its figure from a result, typed by what it reads: a writer of many rows (a batch of
 * a million predictions) appends a number straight from the result, without a boxed {@code Double} or {@code Long}
 * per cell, while the other writers take the boxed value ({@link #boxed}).
 */
public sealed interface MetricReading {
    /** The value boxed, of the Java type {@code kind} says (an {@code INT} as an {@code Integer}). */
    Object boxed(MigrationResult r, Metric.Kind kind);

    /** Appends the value as {@code String.valueOf} writes it (enums by name); a double's digits are append's. */
    void appendTo(StringBuilder out, MigrationResult r);

    /** Whether figures of {@code kind} may be read as {@code reading}: each kind by its own type, any by object. */
    static boolean reads(MetricReading reading, Metric.Kind kind) {
        if (reading instanceof Real) return kind == Metric.Kind.REAL;
        if (reading instanceof Whole) return kind == Metric.Kind.INT || kind == Metric.Kind.LONG;
        if (reading instanceof Flag) return kind == Metric.Kind.FLAG;
        return true;
    }

    /** A real number ({@code REAL}). */
    record Real(ToDoubleFunction<MigrationResult> read) implements MetricReading {
        @Override
        public Object boxed(MigrationResult r, Metric.Kind kind) {
            return read.applyAsDouble(r);
        }

        @Override
        public void appendTo(StringBuilder out, MigrationResult r) {
            out.append(read.applyAsDouble(r));
        }
    }

    /** A whole number ({@code INT} or {@code LONG}). */
    record Whole(ToLongFunction<MigrationResult> read) implements MetricReading {
        @Override
        public Object boxed(MigrationResult r, Metric.Kind kind) {
            long v = read.applyAsLong(r);
            return kind == Metric.Kind.INT ? (Object) Math.toIntExact(v) : (Object) v;
        }

        @Override
        public void appendTo(StringBuilder out, MigrationResult r) {
            out.append(read.applyAsLong(r));
        }
    }

    /** A yes/no flag ({@code FLAG}). */
    record Flag(Predicate<MigrationResult> read) implements MetricReading {
        @Override
        public Object boxed(MigrationResult r, Metric.Kind kind) {
            return read.test(r);
        }

        @Override
        public void appendTo(StringBuilder out, MigrationResult r) {
            out.append(read.test(r));
        }
    }

    /** Any value as an object: text, an enum constant, or a number the function boxes itself. */
    record Boxed(Function<MigrationResult, ?> read) implements MetricReading {
        @Override
        public Object boxed(MigrationResult r, Metric.Kind kind) {
            return read.apply(r);
        }

        @Override
        public void appendTo(StringBuilder out, MigrationResult r) {
            Object v = read.apply(r);
            out.append(v instanceof Enum<?> e ? e.name() : String.valueOf(v));
        }
    }
}
