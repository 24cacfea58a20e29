package io.miglab.core.write;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Uniform random writes over a region of memory, the shared core of the random writers.
 *
 * <p>While the writes in one call are fewer than {@link #SATURATION} per page of the region, each write is drawn
 * on its own, in the order the guest makes them: that path is the one every ordinary rate takes, and its results
 * are those of the writers before this class existed (64 leaves every golden output as it was: the most any case
 * there reaches is 52 writes per page, a 16 MiB working set at 100,000 pages/s through a 2 s first round). Beyond
 * it the region is saturated (e^-64 of its pages expected untouched), and drawing the writes one by one would cost
 * time in proportion to the write rate (1e18 pages/s would never finish). There the pages left untouched are drawn
 * instead (their number is Poisson with mean N (1 - 1/N)^n, the count of empty bins after n throws) and every
 * other page is written once, in address order, so a call costs O(region) whatever the rate.
 *
 * <p>A sink that only marks pages (the dirty log) gets the same draws as bitmap words, and once the region is
 * fully marked the rest of a call's draws are skipped, not drawn: the same pages, the same stream afterwards.
 */
final class UniformDraw {
    /** Writes per page of the region from which the untouched pages are drawn instead of each write. */
    static final long SATURATION = 64;
    /** Writes handed to the sink in one call: one call per batch, not per page. */
    static final int BATCH = 1024;

    private final SplitMix random;
    private final int[] buffer = new int[BATCH];
    /** The pages written in one call, one bit each, for a sink that takes bitmap words. */
    private long[] marks = new long[0];

    /** One writer's draws: the stream of {@code new SplittableRandom(seed)}. */
    UniformDraw(long seed) {
        this.random = new SplitMix(seed);
    }

    /**
     * A region of {@code size} slots: slot s is page {@code s + low} below {@code split} and {@code s + high} from
     * it on (a hot set is one piece; the cold pages around it are two).
     */
    record Region(int size, int split, int low, int high) {
        static Region contiguous(int start, int size) {
            return new Region(size, size, start, start);
        }

        int page(int slot) {
            return slot < split ? slot + low : slot + high;
        }

        int firstPage() { return page(0); }

        /** The bitmap words from the region's first page to its last. */
        int words() { return (lastPage() >>> 6) - (firstPage() >>> 6) + 1; }

        int lastPage() { return page(size - 1); }

        void range(int from, int to, PageSink sink) {
            if (from >= to) return;
            if (to <= split) {
                sink.range(from + low, to + low);
            } else if (from >= split) {
                sink.range(from + high, to + high);
            } else {
                sink.range(from + low, split + low);
                sink.range(split + high, to + high);
            }
        }
    }

    /** Emits {@code writes} uniform writes over {@code region}. */
    void write(long writes, Region region, PageSink sink) {
        int size = region.size();
        if (writes >= SATURATION * size) {
            saturated(writes, region, sink);
        } else if (!sink.needsOrder() && writes >= region.words()) {
            mark(writes, region, sink);
        } else {
            int split = region.split(), low = region.low(), high = region.high();
            for (long left = writes; left > 0; ) {
                int n = (int) Math.min(left, buffer.length);
                for (int i = 0; i < n; i++) {
                    int slot = random.nextInt(size);
                    buffer[i] = slot < split ? slot + low : slot + high;
                }
                sink.pages(buffer, n);
                left -= n;
            }
        }
    }

    /**
     * The same draws, each marking its page in a bitmap handed over as words, for a call with at least as many
     * writes as the region spans words (so that clearing and handing over the words costs no more than the draws).
     * Once every page of the region is marked the rest of the writes can change nothing: they are skipped, moving
     * the stream on as drawing them would (a coupon collector's wait: N H_N, about N (ln N + 0.58), of the writes
     * over N pages, its spread about 1.3 N). The marks are counted first after N (ln N - 2) draws, when about
     * e^2 = 7 pages are expected unmarked (the region already full there in about one stream of 1,600), then after
     * N (ln u - 2) more, u the pages unmarked at the last count, and at least N / 16 apart: a count of the words
     * costs a few per cent of the draws between two, and a region is found full at most N / 16 draws late.
     */
    private void mark(long writes, Region region, PageSink sink) {
        int size = region.size();
        int firstWord = region.firstPage() >>> 6, count = region.words();
        if (marks.length < count) marks = new long[count];
        else Arrays.fill(marks, 0, count, 0L);
        long[] bits = marks;
        int split = region.split(), low = region.low() - (firstWord << 6), high = region.high() - (firstWord << 6);
        long left = writes;
        long untilCount = Math.max(size, untilCount(size, size));
        while (left > 0) {
            int n = (int) Math.min(left, Math.min(untilCount, Integer.MAX_VALUE));
            if (split == size) {
                random.mark(n, size, bits, low);
            } else {
                for (int i = 0; i < n; i++) {
                    int slot = random.nextInt(size);
                    int bit = slot < split ? slot + low : slot + high;
                    bits[bit >>> 6] |= 1L << bit;
                }
            }
            left -= n;
            untilCount -= n;
            if (left > 0 && untilCount == 0) {
                long unmarked = size - marked(bits, count);
                if (unmarked == 0) {
                    random.skip(left, size);
                    break;
                }
                untilCount = untilCount(size, unmarked);
            }
        }
        sink.words(firstWord, bits, count);
    }

    /** Draws over {@code size} pages before the next count of the marks, {@code unmarked} pages left at the last. */
    private static long untilCount(int size, long unmarked) {
        return Math.max(size / 16 + 1, (long) (size * (Math.log(unmarked) - 2)));
    }

    private static long marked(long[] bits, int count) {
        long n = 0;
        for (int i = 0; i < count; i++) n += Long.bitCount(bits[i]);
        return n;
    }

    /** Every page written but the untouched ones, drawn as such. */
    private void saturated(long writes, Region region, PageSink sink) {
        int from = 0;
        for (int clean : untouched(random.jdk(), writes, region.size())) {
            region.range(from, clean, sink);
            from = clean + 1;
        }
        region.range(from, region.size(), sink);
    }

    /** Sorted distinct slots that {@code writes} uniform throws over {@code size} slots left untouched. */
    static int[] untouched(SplittableRandom random, long writes, int size) {
        double mean = size * Math.exp(writes * Math.log1p(-1.0 / size));
        int count = (int) Math.min(size, poisson(random, mean));
        int[] slots = new int[count];
        int have = 0;
        while (have < count) {
            for (int i = have; i < count; i++) slots[i] = random.nextInt(size);
            Arrays.sort(slots);
            have = 0;
            for (int i = 0; i < count; i++) if (i == 0 || slots[i] != slots[i - 1]) slots[have++] = slots[i];
        }
        return slots;
    }

    /** A Poisson draw: by inversion for small means, by the normal approximation beyond. */
    static long poisson(SplittableRandom random, double mean) {
        if (!(mean > 0)) return 0;
        if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        double limit = Math.exp(-mean), p = random.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
