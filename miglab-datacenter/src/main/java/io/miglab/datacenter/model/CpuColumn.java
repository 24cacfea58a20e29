package io.miglab.datacenter.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The CPU series of one population kept column-wise: each VM's own numbers (a diurnal phase; a random walk's
 * value, time and generator) in arrays by its slot, so that the tick's sampling of a million VMs is one loop over
 * primitive arrays per population ({@link #sampleInto}) instead of a call on a series object per VM. Each VM still
 * gets a {@link CpuSeries} ({@link Slot}) reading the same slot, so sampling one VM or the column gives the same
 * numbers.
 */
public abstract sealed class CpuColumn permits CpuColumn.Diurnal, CpuColumn.RandomWalk {
    /** The id of the VM in each slot, or -1 while none is bound to it. */
    private int[] vmIds = new int[16];
    int size;

    /** One VM's series: slot {@code slot} of {@code column}. */
    public record Slot(CpuColumn column, int slot) implements CpuSeries {
        @Override
        public double shareAt(double seconds) { return column.shareAt(slot, seconds); }
    }

    /** A new slot for VM {@code index} of the population, drawing what it needs from {@code random}. */
    public final Slot add(int index, SplittableRandom random) {
        if (size == vmIds.length) {
            vmIds = Arrays.copyOf(vmIds, 2 * size);
            grow(2 * size);
        }
        vmIds[size] = -1;
        init(size, random);
        return new Slot(this, size++);
    }

    /** The VM with id {@code vmId} follows {@code slot}. */
    final void bind(int slot, int vmId) { vmIds[slot] = vmId; }

    /** Samples every bound slot at {@code seconds} into {@code shareByVmId} (at the slot's VM id). */
    final void sampleInto(double seconds, double[] shareByVmId) {
        for (int s = 0; s < size; s++) {
            int id = vmIds[s];
            if (id >= 0) shareByVmId[id] = shareAt(s, seconds);
        }
    }

    /**
     * The shares at {@code seconds} of the first {@code slots} slots, in slot order, as work that can run on another
     * thread meanwhile ({@link DemandPrefetch}); null when the shares depend on more than the time (a random walk's
     * state moves as it is sampled). What it reads is taken now, so slots added later do not race with it.
     */
    java.util.function.Supplier<double[]> sharesLater(double seconds, int slots, double[] into) { return null; }

    /**
     * Writes {@code shares} (the first {@code slots} slots' shares at {@code seconds}, from {@link #sharesLater}) at
     * each bound slot's VM id, sampling any slot added since directly: what {@link #sampleInto} writes.
     */
    final void copyInto(double[] shares, int slots, double seconds, double[] shareByVmId) {
        for (int s = 0; s < size; s++) {
            int id = vmIds[s];
            if (id >= 0) shareByVmId[id] = s < slots ? shares[s] : shareAt(s, seconds);
        }
    }

    /** Slots in the column now. */
    final int size() { return size; }

    abstract void grow(int length);

    abstract void init(int slot, SplittableRandom random);

    abstract double shareAt(int slot, double seconds);

    /** {@link CpuPattern.Diurnal}: each slot's phase. */
    static final class Diurnal extends CpuColumn {
        private final CpuPattern.Diurnal p;
        private final double w;
        private double[] phase = new double[16];

        Diurnal(CpuPattern.Diurnal p) {
            this.p = p;
            this.w = 2 * Math.PI / p.periodSeconds();
        }

        @Override
        void grow(int length) { phase = Arrays.copyOf(phase, length); }

        @Override
        void init(int slot, SplittableRandom random) {
            phase[slot] = p.phaseSeconds() + (p.phaseJitterSeconds() > 0
                    ? (random.nextDouble() * 2 - 1) * p.phaseJitterSeconds() : 0);
        }

        @Override
        double shareAt(int slot, double t) { return share(phase[slot], t); }

        private double share(double phaseSeconds, double t) {
            return Math.max(0, Math.min(1, p.mean() + p.amplitude() * Math.sin(w * (t - phaseSeconds))));
        }

        @Override
        java.util.function.Supplier<double[]> sharesLater(double t, int slots, double[] into) {
            double[] phases = phase; // this array, as filled now: a later grow copies to a new one
            double[] out = into != null && into.length >= slots ? into : new double[slots];
            return () -> {
                for (int s = 0; s < slots; s++) out[s] = share(phases[s], t);
                return out;
            };
        }
    }

    /** {@link CpuPattern.RandomWalk}: each slot's value, the time it was last moved, and its own generator. */
    static final class RandomWalk extends CpuColumn {
        private final CpuPattern.RandomWalk p;
        private double[] value = new double[16];
        private double[] last = new double[16];
        private SplittableRandom[] own = new SplittableRandom[16];

        RandomWalk(CpuPattern.RandomWalk p) { this.p = p; }

        @Override
        void grow(int length) {
            value = Arrays.copyOf(value, length);
            last = Arrays.copyOf(last, length);
            own = Arrays.copyOf(own, length);
        }

        @Override
        void init(int slot, SplittableRandom random) {
            own[slot] = random.split();
            value[slot] = p.start();
            last[slot] = 0;
        }

        @Override
        double shareAt(int slot, double t) {
            double v = value[slot];
            if (t > last[slot]) {
                double sd = p.stepPerSqrtHour() * Math.sqrt((t - last[slot]) / 3600);
                v += sd * gaussian(own[slot]);
                double min = p.min(), max = p.max();
                while (v < min || v > max) v = v < min ? 2 * min - v : 2 * max - v;
                value[slot] = v;
                last[slot] = t;
            }
            return v;
        }

        /** Box-Muller: SplittableRandom has no nextGaussian in Java 17's interface for this use. */
        private static double gaussian(SplittableRandom r) {
            double u = 1 - r.nextDouble(), v = r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
