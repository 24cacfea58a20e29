package io.miglab.datacenter.model;

import io.miglab.core.error.InvalidSpecException;
import java.util.SplittableRandom;

/** How a population's CPU demand moves, as a share of each VM's vCPUs; {@link #series} makes one VM's series. */
public sealed interface CpuPattern {
    /** The series of VM {@code index} of its population, drawing what it needs from {@code random}. */
    CpuSeries series(int index, SplittableRandom random);

    String describe();

    /**
     * A new column for a population of this pattern, from which {@link CpuColumn#add} makes each VM's series as
     * {@link #series} would; empty for the patterns whose series are not kept column-wise.
     */
    default java.util.Optional<CpuColumn> column() { return java.util.Optional.empty(); }

    record Constant(double share) implements CpuPattern {
        public Constant {
            InvalidSpecException.require(share >= 0 && share <= 1, "cpu.share", "a share from 0 to 1", share);
        }

        @Override
        public CpuSeries series(int index, SplittableRandom random) { return t -> share; }

        @Override
        public String describe() { return "constant " + share; }
    }

    /**
     * A day's rhythm: mean + amplitude * sin(2 pi (t - phase) / period), clamped to 0..1, each VM's phase shifted
     * by a uniform draw from [-phaseJitter, +phaseJitter].
     */
    record Diurnal(double mean, double amplitude, double periodSeconds, double phaseSeconds,
                   double phaseJitterSeconds) implements CpuPattern {
        public Diurnal {
            InvalidSpecException.require(mean >= 0 && mean <= 1, "cpu.mean", "a share from 0 to 1", mean);
            InvalidSpecException.require(amplitude >= 0 && amplitude <= 1, "cpu.amplitude", "0 to 1", amplitude);
            InvalidSpecException.require(periodSeconds > 0, "cpu.period", "a duration > 0", periodSeconds);
            InvalidSpecException.require(phaseJitterSeconds >= 0, "cpu.phase-jitter", "a duration >= 0",
                    phaseJitterSeconds);
        }

        @Override
        public CpuSeries series(int index, SplittableRandom random) {
            return new CpuColumn.Diurnal(this).add(index, random);
        }

        @Override
        public java.util.Optional<CpuColumn> column() { return java.util.Optional.of(new CpuColumn.Diurnal(this)); }

        @Override
        public String describe() { return "diurnal mean " + mean + " amplitude " + amplitude; }
    }

    /**
     * A random walk: from {@code start}, each step adds a normal draw of standard deviation
     * stepPerSqrtHour * sqrt(dt in hours), reflected into [min, max].
     */
    record RandomWalk(double start, double stepPerSqrtHour, double min, double max) implements CpuPattern {
        public RandomWalk {
            InvalidSpecException.require(min >= 0 && max <= 1 && min <= max, "cpu.min/max", "0 <= min <= max <= 1",
                    min + ".." + max);
            InvalidSpecException.require(start >= min && start <= max, "cpu.start", "a share from min to max", start);
            InvalidSpecException.require(stepPerSqrtHour >= 0, "cpu.step", "a share >= 0", stepPerSqrtHour);
        }

        @Override
        public CpuSeries series(int index, SplittableRandom random) {
            return new CpuColumn.RandomWalk(this).add(index, random);
        }

        @Override
        public java.util.Optional<CpuColumn> column() { return java.util.Optional.of(new CpuColumn.RandomWalk(this)); }

        @Override
        public String describe() { return "random walk from " + start; }
    }

    /** Replays a recorded CPU trace; VM i of the population follows the trace's VM i (cycling). */
    record TraceReplay(CpuTrace trace) implements CpuPattern {
        @Override
        public CpuSeries series(int index, SplittableRandom random) {
            return trace.series(index % trace.vmNames().size());
        }

        @Override
        public String describe() { return "trace " + trace.source(); }
    }
}
