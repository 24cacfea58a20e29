package io.miglab.core.memory;

/**
 * One bit per guest page: 64 GiB of 4 KiB pages fit in 2 MiB. Faster than {@link java.util.BitSet} for our use
 * because it never grows and exposes word-level union and clear.
 */
public final class PageBitmap {
    private final long[] words;
    private final int pages;

    public PageBitmap(int pages) {
        this.pages = pages;
        this.words = new long[(pages + 63) >>> 6];
    }

    public int pages() { return pages; }

    /** Number of 64-page words; word {@code i} holds pages {@code 64 i} to {@code 64 i + 63}, bit j for page 64 i + j. */
    public int wordCount() { return words.length; }

    public long word(int i) { return words[i]; }

    public void setWord(int i, long bits) { words[i] = bits; }

    public boolean get(int page) { return (words[page >>> 6] & (1L << page)) != 0; }

    public void set(int page) { words[page >>> 6] |= 1L << page; }

    public void clear(int page) { words[page >>> 6] &= ~(1L << page); }

    /** Sets pages {@code from} (inclusive) to {@code to} (exclusive). */
    public void setRange(int from, int to) {
        if (from >= to) return;
        int first = from >>> 6, last = (to - 1) >>> 6;
        long firstMask = -1L << from, lastMask = -1L >>> -to;
        if (first == last) {
            words[first] |= firstMask & lastMask;
            return;
        }
        words[first] |= firstMask;
        for (int i = first + 1; i < last; i++) words[i] = -1L;
        words[last] |= lastMask;
    }

    /** Clears pages {@code from} (inclusive) to {@code to} (exclusive). */
    public void clearRange(int from, int to) {
        if (from >= to) return;
        int first = from >>> 6, last = (to - 1) >>> 6;
        long firstMask = -1L << from, lastMask = -1L >>> -to;
        if (first == last) {
            words[first] &= ~(firstMask & lastMask);
            return;
        }
        words[first] &= ~firstMask;
        for (int i = first + 1; i < last; i++) words[i] = 0L;
        words[last] &= ~lastMask;
    }

    public void setAll() {
        setRange(0, pages);
    }

    public void clearAll() { java.util.Arrays.fill(words, 0L); }

    public long cardinality() {
        long n = 0;
        for (long w : words) n += Long.bitCount(w);
        return n;
    }

    /** Set pages from {@code from} (inclusive) to {@code to} (exclusive), counted by popcount word by word. */
    public long cardinality(int from, int to) {
        if (from >= to) return 0;
        int first = from >>> 6, last = (to - 1) >>> 6;
        long firstMask = -1L << from, lastMask = -1L >>> -to;
        if (first == last) return Long.bitCount(words[first] & firstMask & lastMask);
        long n = Long.bitCount(words[first] & firstMask) + Long.bitCount(words[last] & lastMask);
        for (int i = first + 1; i < last; i++) n += Long.bitCount(words[i]);
        return n;
    }

    /**
     * Moves every set page of this bitmap into {@code target} (target |= this, then this is cleared) in one pass;
     * returns how many pages this one held. A dirty-log sync: count, merge and clear at once.
     */
    public long moveInto(PageBitmap target) {
        long n = 0;
        long[] t = target.words;
        for (int i = 0; i < words.length; i++) {
            long w = words[i];
            if (w == 0) continue;
            n += Long.bitCount(w);
            t[i] |= w;
            words[i] = 0;
        }
        return n;
    }

    /** This |= other. */
    public void or(PageBitmap other) {
        for (int i = 0; i < words.length; i++) words[i] |= other.words[i];
    }

    /** Index of the first set page at or after {@code from}, or -1. */
    public int nextSet(int from) {
        if (from >= pages) return -1;
        int i = from >>> 6;
        long w = words[i] & (-1L << from);
        while (true) {
            if (w != 0) {
                int idx = (i << 6) + Long.numberOfTrailingZeros(w);
                return idx < pages ? idx : -1;
            }
            if (++i >= words.length) return -1;
            w = words[i];
        }
    }

    public boolean isEmpty() {
        for (long w : words) if (w != 0) return false;
        return true;
    }

    public PageBitmap copy() {
        PageBitmap c = new PageBitmap(pages);
        System.arraycopy(words, 0, c.words, 0, words.length);
        return c;
    }
}
