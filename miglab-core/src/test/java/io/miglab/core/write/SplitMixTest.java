package io.miglab.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link SplitMix} draws what {@code new SplittableRandom(seed)} draws, bit for bit: every seeded random writer's
 * pages (and so every golden output) depend on it. Bounds cover powers of two (one masked draw), small odd bounds
 * and bounds near 2^31, where the JDK rejects up to half of its draws.
 */
class SplitMixTest {
    private static final int[] BOUNDS = {1, 2, 3, 7, 64, 100, 4096, 524288, 1_000_003, 1 << 30, (1 << 30) + 1,
            Integer.MAX_VALUE};

    @Property(tries = 200)
    void nextIntIsTheJdkStream(@ForAll long seed, @ForAll @IntRange(min = 0, max = 11) int boundIndex) {
        int bound = BOUNDS[boundIndex];
        SplitMix mine = new SplitMix(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            assertThat(mine.nextInt(bound)).as("draw %d of %d", i, bound).isEqualTo(jdk.nextInt(bound));
        }
    }

    /** A skip moves the stream on as the draws it stands for would; marking sets the bits of those draws. */
    @Property(tries = 200)
    void skipAndMarkFollowTheStream(@ForAll long seed, @ForAll @IntRange(min = 0, max = 11) int boundIndex,
                                    @ForAll @LongRange(min = 0, max = 3000) long skipped,
                                    @ForAll @IntRange(min = 0, max = 2000) int marked) {
        int bound = Math.min(BOUNDS[boundIndex], 1 << 16);
        SplitMix mine = new SplitMix(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        mine.skip(skipped, bound);
        for (long i = 0; i < skipped; i++) jdk.nextInt(bound);
        int offset = 5;
        long[] bits = new long[(bound + offset + 63) / 64];
        long[] reference = new long[bits.length];
        mine.mark(marked, bound, bits, offset);
        for (int i = 0; i < marked; i++) {
            int bit = jdk.nextInt(bound) + offset;
            reference[bit >>> 6] |= 1L << bit;
        }
        assertThat(bits).isEqualTo(reference);
        assertThat(mine.nextInt(bound)).isEqualTo(jdk.nextInt(bound));
    }

    /** Handing the stream over to the JDK generator continues it, also for draws after the hand-over. */
    @Property(tries = 100)
    void handOverContinuesTheStream(@ForAll long seed, @ForAll @IntRange(min = 0, max = 50) int before) {
        SplitMix mine = new SplitMix(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < before; i++) assertThat(mine.nextInt(1000)).isEqualTo(jdk.nextInt(1000));
        assertThat(mine.jdk().nextGaussian()).isEqualTo(jdk.nextGaussian());
        mine.skip(10, 1024);
        for (int i = 0; i < 10; i++) jdk.nextInt(1024);
        long[] bits = new long[2];
        long[] reference = new long[2];
        mine.mark(30, 128, bits, 0);
        for (int i = 0; i < 30; i++) {
            int bit = jdk.nextInt(128);
            reference[bit >>> 6] |= 1L << bit;
        }
        assertThat(bits).isEqualTo(reference);
        assertThat(mine.nextInt(77)).isEqualTo(jdk.nextInt(77));
    }
}
