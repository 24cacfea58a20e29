package io.miglab.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The word-level operations of {@link PageBitmap} (range marking, popcount counts, iteration by trailing zeros)
 * against a page-by-page reference (a boolean per page), on random operations over random sizes. Guards the masks
 * at word edges: a range that starts or ends inside a word, within one word, or at the last partial word.
 */
class PageBitmapPropertyTest {

    @Property(tries = 300)
    void wordLevelOperationsEqualThePageByPageReference(@ForAll @IntRange(min = 1, max = 700) int pages,
                                                        @ForAll @IntRange(min = 0, max = 40) int operations,
                                                        @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PageBitmap bitmap = new PageBitmap(pages);
        boolean[] reference = new boolean[pages];
        for (int op = 0; op < operations; op++) {
            int a = random.nextInt(pages + 1), b = random.nextInt(pages + 1);
            int from = Math.min(a, b), to = Math.max(a, b);
            int page = random.nextInt(pages);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bitmap.setRange(from, to);
                    for (int p = from; p < to; p++) reference[p] = true;
                }
                case 1 -> {
                    bitmap.clearRange(from, to);
                    for (int p = from; p < to; p++) reference[p] = false;
                }
                case 2 -> {
                    bitmap.set(page);
                    reference[page] = true;
                }
                case 3 -> {
                    bitmap.clear(page);
                    reference[page] = false;
                }
                default -> {
                    // a whole word replaced, as the pass sender clears what it sent
                    int w = random.nextInt(bitmap.wordCount());
                    long bits = random.nextLong() & bitmap.word(w);
                    bitmap.setWord(w, bits);
                    for (int j = 0; j < 64 && 64 * w + j < pages; j++) reference[64 * w + j] = (bits >>> j & 1) != 0;
                }
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            if (reference[p]) expected.add(p);
            assertThat(bitmap.get(p)).isEqualTo(reference[p]);
        }
        assertThat(bitmap.cardinality()).isEqualTo(expected.size());
        assertThat(bitmap.isEmpty()).isEqualTo(expected.isEmpty());
        // iteration by nextSet, and word by word with numberOfTrailingZeros
        List<Integer> byNextSet = new ArrayList<>();
        for (int p = bitmap.nextSet(0); p >= 0; p = bitmap.nextSet(p + 1)) byNextSet.add(p);
        List<Integer> byWords = new ArrayList<>();
        for (int w = 0; w < bitmap.wordCount(); w++) {
            for (long bits = bitmap.word(w); bits != 0; bits &= bits - 1) {
                byWords.add(64 * w + Long.numberOfTrailingZeros(bits));
            }
        }
        assertThat(byNextSet).isEqualTo(expected);
        assertThat(byWords).isEqualTo(expected);
        // a dirty-log sync: moved into another bitmap, counted, cleared
        PageBitmap target = new PageBitmap(pages);
        int extra = random.nextInt(pages);
        target.set(extra);
        assertThat(bitmap.copy().moveInto(target.copy())).isEqualTo(expected.size());
        PageBitmap moved = bitmap.copy();
        moved.moveInto(target);
        assertThat(moved.isEmpty()).isTrue();
        for (int p = 0; p < pages; p++) assertThat(target.get(p)).isEqualTo(reference[p] || p == extra);
        // counts over random ranges
        for (int k = 0; k < 20; k++) {
            int a = random.nextInt(pages + 1), b = random.nextInt(pages + 1);
            int from = Math.min(a, b), to = Math.max(a, b);
            long count = 0;
            for (int p = from; p < to; p++) if (reference[p]) count++;
            assertThat(bitmap.cardinality(from, to)).as("pages %d..%d", from, to).isEqualTo(count);
        }
    }
}
