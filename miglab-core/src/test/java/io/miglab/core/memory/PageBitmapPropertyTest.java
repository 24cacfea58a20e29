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
 * against a page-by-page reference (a boolean per page), on random operations over random sizes, words laid over
 * a span included (orWords, clearWords). Guards the masks
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
            int kind = random.nextInt(9);
            switch (kind) {
                case 0 -> {
                    bitmap.setRange(from, to);
                    for (int p = from; p < to; p++) reference[p] = true;
                }
                case 1 -> {
                    bitmap.clearRange(from, to);
                    for (int p = from; p < to; p++) reference[p] = false;
                }
                case 2 -> {
                    if (random.nextBoolean()) {
                        bitmap.set(page);
                        reference[page] = true;
                    } else {
                        // a random writer's batch of pages
                        int[] list = new int[random.nextInt(5)];
                        for (int i = 0; i < list.length; i++) list[i] = random.nextInt(pages);
                        bitmap.set(list, list.length);
                        for (int p : list) reference[p] = true;
                    }
                }
                case 3 -> {
                    bitmap.clear(page);
                    reference[page] = false;
                }
                case 4, 5 -> {
                    // words laid over a span of the bitmap, as a random writer hands its marks over
                    int first = random.nextInt(bitmap.wordCount());
                    int count = random.nextInt(bitmap.wordCount() - first + 1);
                    long[] bits = new long[count];
                    for (int i = 0; i < count; i++) {
                        int valid = Math.min(64, pages - 64 * (first + i));
                        bits[i] = random.nextLong() & (-1L >>> (64 - valid));
                    }
                    boolean set = kind == 4;
                    if (set) bitmap.orWords(first, bits, count);
                    else bitmap.clearWords(first, bits, count);
                    for (int i = 0; i < count; i++) {
                        for (int j = 0; j < 64; j++) if ((bits[i] >>> j & 1) != 0) reference[64 * (first + i) + j] = set;
                    }
                }
                case 6 -> {
                    // a count narrows the span of words that may hold pages; later sets must widen it again
                    long count = 0;
                    for (boolean r : reference) if (r) count++;
                    assertThat(bitmap.cardinality()).isEqualTo(count);
                }
                case 7 -> {
                    if (random.nextInt(4) == 0) {
                        bitmap.clearAll();
                        java.util.Arrays.fill(reference, false);
                    } else {
                        assertThat(bitmap.nextSet(page)).isEqualTo(nextSet(reference, page));
                    }
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
        assertThat(target.cardinality()).isEqualTo(expected.size() + (reference[extra] ? 0 : 1));
        // the emptied bitmap takes pages again
        moved.set(extra);
        assertThat(moved.cardinality()).isEqualTo(1);
        assertThat(moved.nextSet(0)).isEqualTo(extra);
        // a union into a bitmap holding other pages
        PageBitmap union = new PageBitmap(pages);
        union.set(extra);
        union.or(bitmap);
        for (int p = 0; p < pages; p++) assertThat(union.get(p)).isEqualTo(reference[p] || p == extra);
        assertThat(union.nextSet(0)).isEqualTo(Math.min(extra, expected.isEmpty() ? extra : expected.get(0)));
        // counts over random ranges
        for (int k = 0; k < 20; k++) {
            int a = random.nextInt(pages + 1), b = random.nextInt(pages + 1);
            int from = Math.min(a, b), to = Math.max(a, b);
            long count = 0;
            for (int p = from; p < to; p++) if (reference[p]) count++;
            assertThat(bitmap.cardinality(from, to)).as("pages %d..%d", from, to).isEqualTo(count);
        }
    }

    @Property(tries = 300)
    void wordMaskHoldsThePagesOfTheRange(@ForAll @IntRange(min = 0, max = 400) int from,
                                         @ForAll @IntRange(min = 0, max = 400) int to,
                                         @ForAll @IntRange(min = 0, max = 6) int word) {
        long mask = PageBitmap.wordMask(word, from, to);
        for (int bit = 0; bit < 64; bit++) {
            int page = 64 * word + bit;
            assertThat((mask >>> bit & 1) == 1).isEqualTo(page >= from && page < to);
        }
    }

    private static int nextSet(boolean[] reference, int from) {
        for (int p = from; p < reference.length; p++) if (reference[p]) return p;
        return -1;
    }
}
