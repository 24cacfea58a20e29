package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.Optimisations;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The word-level background push of post-copy against the page-by-page push it replaced: same pages in the same
 * order, the very same budget doubles left (so the same stop, and the same time for every later slice), the same
 * resume point and the same bitmap left, over several slices with demand pages taken out in between and the
 * completion threshold (the rest goes at the link's rate) crossed on the way; and with the used pages pushed before
 * the zero pages (QEMU's scan held among the used blocks by the guest's requests), the page-by-page push taking
 * the next pending page that is not a zero page while there is one.
 */
class BackgroundPushPropertyTest {
    private static final long HEADER = Optimisations.PAGE_HEADER_BYTES;

    @Property(tries = 400)
    void wordLevelPushEqualsPageByPage(@ForAll @IntRange(min = 1, max = 700) int pages, @ForAll long seed,
                                       @ForAll boolean compressed, @ForAll boolean capped,
                                       @ForAll boolean usedFirst) {
        SplittableRandom random = new SplittableRandom(seed);
        PageBitmap pending = new PageBitmap(pages);
        PageBitmap zero = new PageBitmap(pages);
        double density = random.nextDouble();
        double zeroShare = random.nextDouble();
        for (int p = 0; p < pages; p++) {
            if (random.nextDouble() < density) pending.set(p);
            if (random.nextDouble() < zeroShare) zero.set(p);
        }
        int pageSize = 4096;
        long full = compressed ? HEADER + 1 + random.nextInt(pageSize) : HEADER + pageSize;
        double linkRate = 1e6 + random.nextDouble() * 1e9;
        double pushRate = capped ? linkRate * (0.01 + 0.99 * random.nextDouble()) : linkRate;
        double completion = random.nextInt(3) == 0 ? 0 : random.nextInt(pages + 1) * (double) pageSize;
        double placement = random.nextBoolean() ? 0 : random.nextDouble() * 1e-5;
        DoubleBinaryOperator destination = (bytes, zeros) -> bytes / linkRate + zeros * placement;

        PageBitmap wordPending = pending.copy();
        BackgroundPush push = new BackgroundPush(wordPending, pageSize, HEADER, full, pushRate, linkRate, completion,
                destination);
        List<Integer> byWords = new ArrayList<>();
        Reference reference = new Reference(pending, pageSize, full, pushRate, linkRate, completion, destination);
        if (usedFirst) push.usedFirst((w, bits) -> bits & zero.word(w));
        reference.usedFirst = usedFirst;
        List<Integer> byPages = new ArrayList<>();
        long remaining = pending.cardinality();
        reference.remaining = remaining;
        int cursor = random.nextInt(pages);
        push.cursor = cursor;
        reference.cursor = cursor;
        for (int slice = 0; slice < 6 && remaining > 0; slice++) {
            double wireAdd = random.nextDouble() * pages * full / pushRate / 3;
            double placeAdd = random.nextDouble() * pages * full / linkRate / 3;
            push.wire += wireAdd;
            push.place += placeAdd;
            reference.wire += wireAdd;
            reference.place += placeAdd;
            long count = push.run(remaining, (w, bits) -> bits & zero.word(w), (w, bits) -> {
                for (long x = bits; x != 0; x &= x - 1) byWords.add(64 * w + Long.numberOfTrailingZeros(x));
                for (long x = bits; x != 0; x &= x - 1) {
                    assertThat(wordPending.get(64 * w + Long.numberOfTrailingZeros(x))).isFalse();
                }
            });
            reference.run(zero, byPages::add);
            remaining -= count;
            assertThat(byWords).isEqualTo(byPages);
            assertThat(remaining).isEqualTo(reference.remaining);
            assertThat(Double.doubleToRawLongBits(push.wire)).isEqualTo(Double.doubleToRawLongBits(reference.wire));
            assertThat(Double.doubleToRawLongBits(push.place)).isEqualTo(Double.doubleToRawLongBits(reference.place));
            assertThat(push.cursor).isEqualTo(reference.cursor);
            // a demand page taken out between slices, as a fault does, and the push resuming after it
            int demand = pending.nextSet(random.nextInt(pages));
            if (demand >= 0) {
                pending.clear(demand);
                wordPending.clear(demand);
                push.sent(demand);
                remaining--;
                reference.remaining--;
                push.cursor = demand + 1;
                reference.cursor = demand + 1;
            }
        }
        for (int p = 0; p < pages; p++) assertThat(wordPending.get(p)).isEqualTo(pending.get(p));
    }

    /** The page-by-page push: one scan, one zero test and one charge per page. */
    private static final class Reference {
        private final PageBitmap pending;
        private final int pageSize;
        private final long full;
        private final double pushRate;
        private final double linkRate;
        private final double completion;
        private final DoubleBinaryOperator destination;
        double wire;
        double place;
        int cursor;
        long remaining;
        boolean usedFirst;

        Reference(PageBitmap pending, int pageSize, long full, double pushRate, double linkRate, double completion,
                  DoubleBinaryOperator destination) {
            this.pending = pending;
            this.pageSize = pageSize;
            this.full = full;
            this.pushRate = pushRate;
            this.linkRate = linkRate;
            this.completion = completion;
            this.destination = destination;
        }

        void run(PageBitmap zeroPages, IntConsumer sent) {
            while (wire > 0 && place > 0 && remaining > 0) {
                int p = usedFirst ? nextUsed(zeroPages) : -1;
                if (p < 0) {
                    p = pending.nextSet(cursor);
                    if (p < 0) p = pending.nextSet(0);
                }
                int zero = zeroPages.get(p) ? 1 : 0;
                boolean completing = remaining * pageSize <= completion;
                long b = zero == 1 ? HEADER : full;
                pending.clear(p);
                remaining--;
                sent.accept(p);
                wire -= b / (completing ? linkRate : pushRate);
                place -= destination.applyAsDouble(b, zero);
                cursor = p + 1;
            }
        }

        /** The next pending page from the cursor that is not a zero page, wrapping; -1 when there is none. */
        private int nextUsed(PageBitmap zeroPages) {
            for (int i = 0; i < pending.pages(); i++) {
                int p = (cursor + i) % pending.pages();
                if (pending.get(p) && !zeroPages.get(p)) return p;
            }
            return -1;
        }
    }
}
