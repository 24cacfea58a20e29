package io.miglab.datacenter.engine;

import java.util.SplittableRandom;

/**
 * Seeded randomness. Each consumer asks for its own named stream, derived from the run's seed and the stream's
 * name, so adding a consumer, or drawing more numbers in one, does not shift the numbers another one sees.
 */
public final class SimRandom {
    private final long seed;

    public SimRandom(long seed) {
        this.seed = seed;
    }

    public long seed() { return seed; }

    /** A generator for the stream {@code name}, the same for the same seed and name. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(derive(name, 0));
    }

    /** A generator for item {@code index} of the stream {@code name} (for example one VM's random walk). */
    public SplittableRandom stream(String name, long index) {
        return new SplittableRandom(derive(name, index));
    }

    /** A seed for item {@code index} of the stream {@code name}. */
    public long derive(String name, long index) {
        return mix(mix(seed ^ name.hashCode() * 0x9E3779B97F4A7C15L) + index);
    }

    /** SplitMix64's finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
