package io.miglab.core.write;

import java.util.SplittableRandom;

/**
 * The draws of {@code new SplittableRandom(seed)}, bit for bit, with a state the writers can read: SplitMix
 * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), whose state after k draws
 * is seed + k gamma. That lets a writer skip draws whose pages can no longer change anything in O(1) where the
 * bound is a power of two. Draws the writers need rarely (doubles, Gaussians) hand the stream over to a
 * {@link SplittableRandom} at the same state for the rest of the run. SplitMixTest holds it to the JDK's draws.
 */
final class SplitMix {
    /** The gamma of a generator made from a seed alone (the golden ratio in 64 bits, as the paper's default). */
    static final long GAMMA = 0x9e3779b97f4a7c15L;
    /** The two multipliers of SplittableRandom's mix32. */
    private static final long MIX1 = 0x62a9d9ed799705f5L;
    private static final long MIX2 = 0xcb24d0a5c88c35b3L;
    private long seed;
    /** The JDK generator that continues the stream once handed over; null until then. */
    private SplittableRandom handedOver;

    SplitMix(long seed) {
        this.seed = seed;
    }

    /**
     * {@link SplittableRandom#nextInt(int)}: a power-of-two bound masks one draw, any other rejects the few
     * over-represented ones.
     */
    int nextInt(int bound) {
        if (handedOver != null) return handedOver.nextInt(bound);
        int r = mix32(seed += GAMMA);
        int m = bound - 1;
        if ((bound & m) == 0) return r & m;
        for (int u = r >>> 1; ; u = mix32(seed += GAMMA) >>> 1) {
            r = u % bound;
            if (u + m - r >= 0) return r;
        }
    }

    /**
     * Draws {@code n} times {@code nextInt(bound)} and sets bit {@code draw + offset} of {@code bits} for each: the
     * loop of the random writers, with the state in a local where the bound is a power of two.
     */
    void mark(int n, int bound, long[] bits, int offset) {
        if (handedOver != null || (bound & (bound - 1)) != 0) {
            for (int i = 0; i < n; i++) {
                int bit = nextInt(bound) + offset;
                bits[bit >>> 6] |= 1L << bit;
            }
            return;
        }
        long high = (long) (bound - 1) << 32;
        long s = seed;
        seed = s + n * GAMMA;
        if (n < SharedMark.MIN_DRAWS) draw(s, n, high, bits, offset);
        else SharedMark.mark(s, n, high, bits, offset);
    }

    /**
     * Marks the {@code n} power-of-two draws that follow state {@code s}, {@code high} being (bound - 1) << 32:
     * mix32(s) & m, masked before the shift to an int, the same bits and the loop about a tenth faster.
     */
    static void draw(long s, int n, long high, long[] bits, int offset) {
        for (int i = 0; i < n; i++) {
            s += GAMMA;
            long z = (s ^ (s >>> 33)) * MIX1;
            int bit = (int) ((((z ^ (z >>> 28)) * MIX2) & high) >>> 32) + offset;
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    /** Moves the stream on by {@code count} calls of {@code nextInt(bound)} without using their values. */
    void skip(long count, int bound) {
        if (handedOver == null && (bound & (bound - 1)) == 0) {
            seed += count * GAMMA;
            return;
        }
        for (long i = 0; i < count; i++) nextInt(bound);
    }

    /** The JDK generator at this stream's state; every later draw, here or there, continues the same stream. */
    SplittableRandom jdk() {
        if (handedOver == null) handedOver = new SplittableRandom(seed);
        return handedOver;
    }

    /** SplittableRandom's 32-bit output mix of a state (a MurmurHash3-style finaliser). */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * MIX1;
        return (int) (((z ^ (z >>> 28)) * MIX2) >>> 32);
    }
}
