package io.miglab.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.jqwik.api.Example;
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
        assertMarksFollowTheJdk(mine, jdk, marked, bound, 5);
    }

    /**
     * A call big enough to share its draws with another core marks the same bits and leaves the same stream as
     * the JDK's draws one by one, whichever thread draws which.
     */
    @Property(tries = 6)
    void aLargeMarkIsTheJdkStream(@ForAll long seed, @ForAll @IntRange(min = 0, max = 20_000) int extra,
                                  @ForAll @IntRange(min = 10, max = 19) int boundLog) {
        assertMarksFollowTheJdk(new SplitMix(seed), new SplittableRandom(seed), SharedMark.MIN_DRAWS + extra,
                1 << boundLog, 37);
    }

    /** The draws mark the same bits drawn by the caller alone or by a worker into its own bitmap and merged. */
    @Property(tries = 30)
    void sharedDrawsAreTheSameWhoeverDrawsThem(@ForAll long state, @ForAll @IntRange(min = 0, max = 200_000) int n,
                                               @ForAll @IntRange(min = 0, max = 16) int boundLog,
                                               @ForAll @IntRange(min = 0, max = 200) int offset) {
        long high = (long) ((1 << boundLog) - 1) << 32;
        long[] reference = new long[((1 << boundLog) + offset + 63) / 64];
        reference[0] = 1;
        long[] byCaller = reference.clone();
        long[] byWorker = reference.clone();
        SplitMix.draw(state, n, high, reference, offset);
        new SharedMark(state, n, high, offset).drawInto(byCaller);
        SharedMark shared = new SharedMark(state, n, high, offset);
        shared.run();
        shared.drawInto(byWorker);
        assertThat(byCaller).isEqualTo(reference);
        assertThat(byWorker).isEqualTo(reference);
    }

    /**
     * Large calls made at once from the common pool's own workers (as migrations run in parallel would make them,
     * leaving no worker free to share) mark what one thread drawing every draw marks.
     */
    @Example
    void largeMarksInParallelAreTheSameAsOneByOne() {
        int bound = 1 << 19, n = SharedMark.MIN_DRAWS * 2 + 3;
        long high = (long) (bound - 1) << 32;
        List<long[]> parallel = LongStream.range(0, 8).parallel().mapToObj(seed -> {
            long[] bits = new long[bound / 64];
            new SplitMix(seed).mark(n, bound, bits, 0);
            return bits;
        }).toList();
        for (int seed = 0; seed < 8; seed++) {
            long[] reference = new long[bound / 64];
            SplitMix.draw(seed, n, high, reference, 0);
            assertThat(parallel.get(seed)).as("seed %d", seed).isEqualTo(reference);
        }
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
        mine.mark(30, 128, bits, 0);
        assertThat(bits).isEqualTo(jdkMarks(jdk, 30, 128, 0, 2));
        assertThat(mine.nextInt(77)).isEqualTo(jdk.nextInt(77));
    }

    /**
     * {@code n} marked draws below {@code bound} set the bits of the JDK's next {@code n} draws (each at
     * {@code draw + offset}), and both streams go on with the same draw.
     */
    private static void assertMarksFollowTheJdk(SplitMix mine, SplittableRandom jdk, int n, int bound, int offset) {
        long[] bits = new long[(bound + offset + 63) / 64];
        mine.mark(n, bound, bits, offset);
        assertThat(bits).isEqualTo(jdkMarks(jdk, n, bound, offset, bits.length));
        assertThat(mine.nextInt(bound)).isEqualTo(jdk.nextInt(bound));
    }

    /** The bitmap of {@code n} JDK draws below {@code bound}, each setting bit {@code draw + offset}. */
    private static long[] jdkMarks(SplittableRandom jdk, int n, int bound, int offset, int words) {
        long[] marks = new long[words];
        for (int i = 0; i < n; i++) {
            int bit = jdk.nextInt(bound) + offset;
            marks[bit >>> 6] |= 1L << bit;
        }
        return marks;
    }
}
