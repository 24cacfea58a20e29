package io.miglab.datacenter.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The CPU series of one population kept column-wise: each VM's own numbers (a diurnal phase; a random walk's
 * value, time and generator) in arrays by its slot, so that the tick's sampling of a million VMs is one loop over
 * primitive arrays per population ({@link #sampleInto}) instead of a call on a series object per VM. Each VM still
 * gets a {@link CpuSeries} ({@link Slot}) reading the same slot, so sampling one VM or the column gives the same
 * numbers.
 *
 * <p>{@link #prepare} starts the costly part of the next tick's sampling on another thread ({@link DemandPrefetch}):
 * a diurnal column's shares at that time, a random walk's next normal draw of each slot. The same methods compute
 * them from the same generators in the same order, so the numbers are the same bit for bit with or without it.
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
        settle();
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
    void sampleInto(double seconds, double[] shareByVmId) {
        for (int s = 0; s < size; s++) {
            int id = vmIds[s];
            if (id >= 0) shareByVmId[id] = shareAt(s, seconds);
        }
    }

    /** Like {@link #sampleInto}, but the first {@code slots} slots' shares are {@code shares}, in slot order. */
    final void copyInto(double[] shares, int slots, double seconds, double[] shareByVmId) {
        for (int s = 0; s < size; s++) {
            int id = vmIds[s];
            if (id >= 0) shareByVmId[id] = s < slots ? shares[s] : shareAt(s, seconds);
        }
    }

    /** Starts on {@code worker} what of a sampling at {@code seconds} can be done ahead; nothing by default. */
    void prepare(double seconds, Executor worker) { }

    /** Waits for the work {@link #prepare} started, before this thread reads or changes what it writes. */
    void settle() { }

    abstract void grow(int length);

    abstract void init(int slot, SplittableRandom random);

    abstract double shareAt(int slot, double seconds);

    /** {@link CpuPattern.Diurnal}: each slot's phase. */
    static final class Diurnal extends CpuColumn {
        private final CpuPattern.Diurnal p;
        private final double w;
        private double[] phase = new double[16];
        /** The shares at {@link #preparedAt} of the first {@link #preparedSlots} slots, under way; or null. */
        private CompletableFuture<double[]> prepared;
        private double preparedAt;
        private int preparedSlots;
        private double[] spare;

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
        void prepare(double t, Executor worker) {
            if (prepared != null) return; // one at a time
            double[] phases = phase; // as filled now: a later grow copies to a new array
            int n = size;
            double[] out = spare != null && spare.length >= n ? spare : new double[n];
            spare = null;
            preparedAt = t;
            preparedSlots = n;
            prepared = CompletableFuture.supplyAsync(() -> {
                for (int s = 0; s < n; s++) out[s] = share(phases[s], t);
                return out;
            }, worker);
        }

        @Override
        void sampleInto(double t, double[] shareByVmId) {
            if (prepared == null) {
                super.sampleInto(t, shareByVmId);
                return;
            }
            double[] shares = DemandPrefetch.join(prepared);
            prepared = null;
            spare = shares;
            if (preparedAt == t) copyInto(shares, preparedSlots, t, shareByVmId);
            else super.sampleInto(t, shareByVmId);
        }
    }

    /**
     * {@link CpuPattern.RandomWalk}: each slot's value, the time it was last moved, and its own generator; and the
     * normal draw of its next move when {@link #prepare} drew it ahead (NaN when not), which that move takes instead
     * of drawing: the generator gives the same numbers in the same order either way.
     */
    static final class RandomWalk extends CpuColumn {
        private final CpuPattern.RandomWalk p;
        private double[] value = new double[16];
        private double[] last = new double[16];
        private SplittableRandom[] own = new SplittableRandom[16];
        private double[] ahead = new double[16];
        /** The worker drawing ahead, while it runs; every use of the generators or of {@link #ahead} waits for it. */
        private CompletableFuture<Void> drawing;

        RandomWalk(CpuPattern.RandomWalk p) { this.p = p; }

        @Override
        void grow(int length) {
            value = Arrays.copyOf(value, length);
            last = Arrays.copyOf(last, length);
            own = Arrays.copyOf(own, length);
            int old = ahead.length;
            ahead = Arrays.copyOf(ahead, length);
            Arrays.fill(ahead, old, length, Double.NaN);
        }

        @Override
        void init(int slot, SplittableRandom random) {
            own[slot] = random.split();
            value[slot] = p.start();
            last[slot] = 0;
            ahead[slot] = Double.NaN;
        }

        @Override
        void prepare(double t, Executor worker) {
            settle();
            SplittableRandom[] generators = own;
            double[] draws = ahead;
            int n = size;
            drawing = CompletableFuture.runAsync(() -> {
                for (int s = 0; s < n; s++) if (Double.isNaN(draws[s])) draws[s] = gaussian(generators[s]);
            }, worker);
        }

        @Override
        void settle() {
            if (drawing == null) return;
            DemandPrefetch.join(drawing);
            drawing = null;
        }

        @Override
        void sampleInto(double t, double[] shareByVmId) {
            settle();
            super.sampleInto(t, shareByVmId);
        }

        @Override
        double shareAt(int slot, double t) {
            double v = value[slot];
            if (t > last[slot]) {
                settle();
                double sd = p.stepPerSqrtHour() * Math.sqrt((t - last[slot]) / 3600);
                double g = ahead[slot];
                if (Double.isNaN(g)) {
                    g = gaussian(own[slot]);
                } else {
                    ahead[slot] = Double.NaN;
                }
                v += sd * g;
                double min = p.min(), max = p.max();
                while (v < min || v > max) v = v < min ? 2 * min - v : 2 * max - v;
                value[slot] = v;
                last[slot] = t;
            }
            return v;
        }

        /** Box-Muller: SplittableRandom has no nextGaussian in Java 17's interface for this use; never NaN. */
        private static double gaussian(SplittableRandom r) {
            double u = 1 - r.nextDouble(), v = r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
