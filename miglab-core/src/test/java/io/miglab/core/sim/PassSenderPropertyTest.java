package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The word-level pass (64 pages per step where no check can fall inside the word) against the page-by-page pass it
 * replaced: same pages in the same order, same bytes, same cut, same bitmap left, same resume point; and the
 * word-level page cost against the per-page cost with every optimisation. Guards the bounds that let a whole word
 * go at once: a word sent past the budget or past a chunk's end would change every result after it.
 */
class PassSenderPropertyTest {
    private static final long HEADER = Optimisations.PAGE_HEADER_BYTES;

    @Property(tries = 300)
    void wordLevelPassEqualsPageByPage(@ForAll @IntRange(min = 1, max = 600) int pages, @ForAll long seed,
                                       @ForAll @IntRange(min = 0, max = 3) int budgetKind,
                                       @ForAll boolean midPass) {
        SplittableRandom random = new SplittableRandom(seed);
        PageBitmap dirty = new PageBitmap(pages);
        PageBitmap zero = new PageBitmap(pages);
        double density = random.nextDouble();
        for (int p = 0; p < pages; p++) {
            if (random.nextDouble() < density) dirty.set(p);
            if (random.nextDouble() < 0.3) zero.set(p);
        }
        long maxPage = HEADER + 4096;
        double budget = switch (budgetKind) {
            case 0 -> Double.POSITIVE_INFINITY;
            case 1 -> random.nextDouble() * pages * maxPage;
            case 2 -> random.nextInt(pages + 1) * (double) maxPage;
            default -> 0;
        };
        double fitsPages = random.nextInt(pages + 1);
        double chunk = 1 + random.nextInt(40) * (double) maxPage + random.nextInt(4096);

        PageBitmap wordBitmap = dirty.copy();
        PassSender words = new PassSender(wordBitmap);
        List<Integer> sentByWords = new ArrayList<>();
        PassSender.WordSender wordSend = (w, bits) -> {
            long b = 0;
            for (long x = bits; x != 0; x &= x - 1) {
                int p = 64 * w + Long.numberOfTrailingZeros(x);
                sentByWords.add(p);
                b += zero.get(p) ? HEADER : maxPage;
            }
            return b;
        };
        PageBitmap pageBitmap = dirty.copy();
        Reference reference = new Reference(pageBitmap);
        List<Integer> sentByPages = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            if (midPass) {
                words.untilFits(wordSend, fitsPages, chunk, budget, maxPage, PassSender.PeriodWork.NONE);
                reference.untilFits(p -> {
                    sentByPages.add(p);
                    return zero.get(p) ? HEADER : maxPage;
                }, fitsPages, chunk, budget, maxPage);
            } else {
                words.whole(wordSend, budget, maxPage);
                reference.whole(p -> {
                    sentByPages.add(p);
                    return zero.get(p) ? HEADER : maxPage;
                }, budget, maxPage);
            }
            assertThat(sentByWords).isEqualTo(sentByPages);
            assertThat(words.bytes).isEqualTo(reference.bytes);
            assertThat(words.pages).isEqualTo(reference.pages);
            assertThat(words.cut).isEqualTo(reference.cut);
            for (int p = 0; p < pages; p++) assertThat(wordBitmap.get(p)).isEqualTo(pageBitmap.get(p));
            // the next call starts from the same bitmap, with a few pages dirtied again
            int again = random.nextInt(pages);
            wordBitmap.set(again);
            pageBitmap.set(again);
        }
    }

    @Property(tries = 200)
    void wordCostEqualsPerPageCost(@ForAll @IntRange(min = 1, max = 400) int pages, @ForAll long seed,
                                   @ForAll boolean zeroElision, @ForAll boolean xbzrle, @ForAll boolean compression,
                                   @ForAll boolean delta) {
        SplittableRandom random = new SplittableRandom(seed);
        GuestMemory memory = new GuestMemory(ByteSize.ofBytes(pages * 4096L), 4096, random.nextDouble(),
                random.nextDouble());
        Optimisations options = new Optimisations(zeroElision,
                xbzrle ? Optional.of(new Optimisations.Xbzrle(ByteSize.ofKiB(4 * (1 + random.nextInt(64))), 0.1))
                        : Optional.empty(),
                compression ? Optional.of(new Optimisations.Compression(DataRate.parse("c", "100MB/s")))
                        : Optional.empty());
        PageCostModel byWord = new PageCostModel(memory, options, seed);
        PageCostModel byPage = new PageCostModel(memory, options, seed);
        PageBitmap toSend = new PageBitmap(pages);
        for (int round = 0; round < 3; round++) {
            for (int p = 0; p < pages; p++) if (random.nextBoolean()) toSend.set(p);
            for (int w = 0; w < toSend.wordCount(); w++) {
                long bits = toSend.word(w);
                long expected = 0, zeros = 0;
                for (long x = bits; x != 0; x &= x - 1) {
                    int p = 64 * w + Long.numberOfTrailingZeros(x);
                    if (byPage.isZero(p)) zeros++;
                    expected += byPage.cost(p, delta);
                }
                assertThat(Long.bitCount(byWord.zeroBits(w, bits))).isEqualTo(zeros);
                assertThat(byWord.costWord(w, bits, delta)).isEqualTo(expected);
            }
            assertThat(byWord.bytesCompressed).isEqualTo(byPage.bytesCompressed);
            toSend.clearAll();
            int written = random.nextInt(pages);
            byWord.written(written);
            byPage.written(written);
        }
    }

    /** The page-by-page pass as it was before the word-level one (the reference). */
    private static final class Reference {
        private final PageBitmap toSend;
        private int scanCursor;
        long bytes;
        long pages;
        boolean cut;

        Reference(PageBitmap toSend) {
            this.toSend = toSend;
        }

        void whole(java.util.function.IntToLongFunction send, double budgetBytes, long maxPageBytes) {
            bytes = 0;
            pages = 0;
            cut = false;
            for (int p = toSend.nextSet(0); p >= 0; p = toSend.nextSet(p + 1)) {
                if (bytes + maxPageBytes > budgetBytes) {
                    cut = true;
                    return;
                }
                bytes += send.applyAsLong(p);
                toSend.clear(p);
                pages++;
            }
        }

        void untilFits(java.util.function.IntToLongFunction send, double fitsPages, double chunkBytes,
                       double budgetBytes, long maxPageBytes) {
            bytes = 0;
            pages = 0;
            cut = false;
            long unsent = toSend.cardinality();
            while (unsent > 0 && unsent >= fitsPages) {
                double chunk = 0;
                while (chunk < chunkBytes && unsent > 0) {
                    if (bytes + maxPageBytes > budgetBytes) {
                        cut = true;
                        return;
                    }
                    int p = toSend.nextSet(scanCursor);
                    if (p < 0) p = toSend.nextSet(0);
                    long b = send.applyAsLong(p);
                    toSend.clear(p);
                    chunk += b;
                    bytes += b;
                    pages++;
                    unsent--;
                    scanCursor = p + 1 < toSend.pages() ? p + 1 : 0;
                }
            }
        }
    }
}
