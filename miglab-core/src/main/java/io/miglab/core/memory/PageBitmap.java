package io.miglab.core.memory;

/**
 * One bit per guest page: 64 GiB of 4 KiB pages fit in 2 MiB. Faster than {@link java.util.BitSet} for our use
 * because it never grows and exposes word-level union and clear.
 *
 * <p>It keeps the span of words that may hold a set page, so that counting, scanning and merging a bitmap whose
 * pages lie in a small part of memory (a working set's dirty log) cost that part, not all of memory's words. The
 * span grows with every set; counts and scans narrow it to the words they found set.
 */
public final class PageBitmap {
    private final long[] words;
    private final int pages;
    /** Every word below {@code low} or from {@code high} on is zero; empty when {@code low >= high}. */
    private int low;
    private int high;

    public PageBitmap(int pages) {
        this.pages = pages;
        this.words = new long[(pages + 63) >>> 6];
        this.low = words.length;
    }

    public int pages() { return pages; }

    /** Number of 64-page words; word {@code i} holds pages {@code 64 i} to {@code 64 i + 63}, bit j for page 64 i + j. */
    public int wordCount() { return words.length; }

    /** The first word that may hold a set page: words before it are zero. */
    public int spanStart() { return low; }

    /** The end (exclusive) of the words that may hold a set page: words from it on are zero. */
    public int spanEnd() { return high; }

    public long word(int i) { return words[i]; }

    public void setWord(int i, long bits) {
        words[i] = bits;
        if (bits != 0) cover(i, i);
    }

    public boolean get(int page) { return (words[page >>> 6] & (1L << page)) != 0; }

    public void set(int page) {
        int i = page >>> 6;
        words[i] |= 1L << page;
        cover(i, i);
    }

    /** Sets pages {@code list[0]} to {@code list[count - 1]}. */
    public void set(int[] list, int count) {
        if (count <= 0) return;
        // the span first, in a loop of its own: the marking loop then is the plain one
        int min = list[0], max = list[0];
        for (int i = 1; i < count; i++) {
            min = Math.min(min, list[i]);
            max = Math.max(max, list[i]);
        }
        cover(min >>> 6, max >>> 6);
        for (int i = 0; i < count; i++) words[list[i] >>> 6] |= 1L << list[i];
    }

    /**
     * The bits of word {@code word} that hold pages {@code from} (inclusive) to {@code to} (exclusive): bit j for
     * page 64 word + j; zero when the range misses the word.
     */
    public static long wordMask(int word, int from, int to) {
        long first = (long) word << 6;
        if (to <= first || from >= first + 64 || from >= to) return 0;
        // shifts count modulo 64: from - first and 64 - (to - first) as the shift amounts
        long mask = from > first ? -1L << from : -1L;
        return to < first + 64 ? mask & (-1L >>> -to) : mask;
    }

    /** Widens the span to words {@code first} to {@code last} (inclusive). */
    private void cover(int first, int last) {
        if (first < low) low = first;
        if (last >= high) high = last + 1;
    }

    /** Narrows the span to words {@code first} to {@code last} (inclusive), found to hold every set page. */
    private void narrow(int first, int last) {
        if (last < first) {
            low = words.length;
            high = 0;
        } else {
            low = first;
            high = last + 1;
        }
    }

    public void clear(int page) { words[page >>> 6] &= ~(1L << page); }

    /** Sets pages {@code from} (inclusive) to {@code to} (exclusive). */
    public void setRange(int from, int to) {
        if (from >= to) return;
        int first = from >>> 6, last = (to - 1) >>> 6;
        cover(first, last);
        words[first] |= wordMask(first, from, to);
        if (first == last) return;
        for (int i = first + 1; i < last; i++) words[i] = -1L;
        words[last] |= wordMask(last, from, to);
    }

    /** Clears pages {@code from} (inclusive) to {@code to} (exclusive). */
    public void clearRange(int from, int to) {
        if (from >= to) return;
        int first = from >>> 6, last = (to - 1) >>> 6;
        words[first] &= ~wordMask(first, from, to);
        if (first == last) return;
        for (int i = first + 1; i < last; i++) words[i] = 0L;
        words[last] &= ~wordMask(last, from, to);
    }

    public void setAll() {
        setRange(0, pages);
    }

    public void clearAll() {
        if (low < high) java.util.Arrays.fill(words, low, high, 0L);
        narrow(0, -1);
    }

    public long cardinality() {
        long n = 0;
        int first = high, last = -1;
        for (int i = low; i < high; i++) {
            long w = words[i];
            if (w == 0) continue;
            n += Long.bitCount(w);
            if (first == high) first = i;
            last = i;
        }
        narrow(first, last);
        return n;
    }

    /** Set pages from {@code from} (inclusive) to {@code to} (exclusive), counted by popcount word by word. */
    public long cardinality(int from, int to) {
        if (from >= to) return 0;
        int first = from >>> 6, last = (to - 1) >>> 6;
        if (first == last) return Long.bitCount(words[first] & wordMask(first, from, to));
        long n = Long.bitCount(words[first] & wordMask(first, from, to))
                + Long.bitCount(words[last] & wordMask(last, from, to));
        for (int i = first + 1; i < last; i++) n += Long.bitCount(words[i]);
        return n;
    }

    /**
     * Moves every set page of this bitmap into {@code target} (target |= this, then this is cleared) in one pass;
     * returns how many pages this one held. A dirty-log sync: count, merge and clear at once.
     */
    /** The set pages of this bitmap that {@code target} does not hold: over this one's span only. */
    public long countNotIn(PageBitmap target) {
        long n = 0;
        long[] t = target.words;
        for (int i = low; i < high; i++) n += Long.bitCount(words[i] & ~t[i]);
        return n;
    }

    public long moveInto(PageBitmap target) {
        long n = 0;
        long[] t = target.words;
        for (int i = low; i < high; i++) {
            long w = words[i];
            if (w == 0) continue;
            n += Long.bitCount(w);
            t[i] |= w;
            words[i] = 0;
        }
        if (n > 0) target.cover(low, high - 1);
        narrow(0, -1);
        return n;
    }

    /** Sets the pages of {@code bits[0..count)}, whose bit j of {@code bits[i]} is page 64 (firstWord + i) + j. */
    public void orWords(int firstWord, long[] bits, int count) {
        if (count > 0) cover(firstWord, firstWord + count - 1);
        for (int i = 0; i < count; i++) words[firstWord + i] |= bits[i];
    }

    /** Clears the pages of {@code bits[0..count)}, laid out as for {@link #orWords}. */
    public void clearWords(int firstWord, long[] bits, int count) {
        for (int i = 0; i < count; i++) words[firstWord + i] &= ~bits[i];
    }

    /** This |= other. */
    public void or(PageBitmap other) {
        if (other.low < other.high) cover(other.low, other.high - 1);
        for (int i = other.low; i < other.high; i++) words[i] |= other.words[i];
    }

    /** Index of the first set page at or after {@code from}, or -1. */
    public int nextSet(int from) {
        if (from >= pages) return -1;
        int i = from >>> 6;
        long w = words[i] & (-1L << from);
        if (i < low) {
            i = low;
            w = i < high ? words[i] : 0;
        }
        while (true) {
            if (w != 0) {
                int idx = (i << 6) + Long.numberOfTrailingZeros(w);
                return idx < pages ? idx : -1;
            }
            if (++i >= high) return -1;
            w = words[i];
        }
    }

    public boolean isEmpty() {
        for (int i = low; i < high; i++) if (words[i] != 0) return false;
        return true;
    }

    public PageBitmap copy() {
        PageBitmap c = new PageBitmap(pages);
        System.arraycopy(words, 0, c.words, 0, words.length);
        c.low = low;
        c.high = high;
        return c;
    }
}
