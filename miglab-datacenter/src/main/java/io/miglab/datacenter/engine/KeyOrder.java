package io.miglab.datacenter.engine;

import java.util.Arrays;

/**
 * Puts positions 0..n-1 in the order of a number per position ({@link Double#compare}'s order) and then of a distinct
 * int per position (an id; the position itself for a stable order), on primitive arrays. It stands for the sorts by
 * comparator the simulator ran thousands of times per tick (a host's VMs in a selection's order, the capped flows
 * of a re-rating, the overloaded hosts): each read its key through objects at every comparison, and
 * {@code java.util.TimSort}, taking turns on arrays of different types, had its compiled code thrown away and
 * compiled again all day long (at a million VMs, seconds of the JIT compiler's CPU). One instance keeps its
 * scratch arrays from one sort to the next; it is not for use by two threads.
 */
public final class KeyOrder {
    /** Runs this long are sorted by insertion before the merges. */
    private static final int RUN = 16;
    private long[] bits = new long[16];
    private int[] ties = new int[16];
    private int[] order = new int[16];
    private int[] scratch = new int[16];

    /** {@code key}'s bits as a long whose signed order is {@link Double#compare}'s order of the doubles. */
    public static long orderBits(double key) {
        long b = Double.doubleToLongBits(key);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /** Sets position {@code p}'s key and tie-breaker (the distinct int). */
    public void put(int p, double key, int tie) {
        if (p >= order.length) {
            int length = Math.max(p + 1, 2 * order.length);
            bits = Arrays.copyOf(bits, length);
            ties = Arrays.copyOf(ties, length);
            order = new int[length];
            scratch = new int[length];
        }
        bits[p] = orderBits(key);
        ties[p] = tie;
    }

    /**
     * The positions 0..n-1, each {@link #put} before, sorted by (key, tie): the first {@code n} of the returned array,
     * which is this instance's and valid until its next sort.
     */
    public int[] sort(int n) {
        for (int p = 0; p < n; p++) order[p] = p;
        for (int lo = 0; lo < n; lo += RUN) insertion(lo, Math.min(n, lo + RUN));
        int[] from = order, to = scratch;
        for (int width = RUN; width < n; width *= 2) { // bottom-up merges of sorted runs
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(from, to, lo, Math.min(n, lo + width), Math.min(n, lo + 2 * width));
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != order) System.arraycopy(from, 0, order, 0, n);
        return order;
    }

    private boolean before(int p, int q) {
        return bits[p] < bits[q] || bits[p] == bits[q] && ties[p] < ties[q];
    }

    private void insertion(int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            int p = order[i];
            int j = i;
            while (j > lo && before(p, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = p;
        }
    }

    private void merge(int[] from, int[] to, int lo, int mid, int hi) {
        int i = lo, j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || !before(from[j], from[i]))) to[k] = from[i++];
            else to[k] = from[j++];
        }
    }
}
