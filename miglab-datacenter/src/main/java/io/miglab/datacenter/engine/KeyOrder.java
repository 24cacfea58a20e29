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
    /** The counts {@link #radixSort} needs: one per value of a 16-bit digit. */
    public static final int RADIX = 1 << 16;

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

    /**
     * Sorts signed longs ascending, 16 bits at a time from the lowest (a digit all values share is skipped): a
     * hundred thousand keys at every tick in a few linear passes rather than a comparison sort. Sorts the first
     * {@code n} of {@code a}, with {@code scratch} (as long) and {@code count} ({@link #RADIX} long) as the caller's
     * scratch, kept from call to call.
     */
    public static void radixSort(long[] a, int n, long[] scratch, int[] count) {
        long[] from = a, to = scratch;
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[digit(from[i], shift)]++;
            if (n == 0 || count[digit(from[0], shift)] == n) continue;
            for (int d = 0, sum = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) to[count[digit(from[i], shift)]++] = from[i];
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) System.arraycopy(from, 0, a, 0, n);
    }

    /** The 16 bits of {@code v} at {@code shift}, its sign bit flipped so that negative values come first. */
    private static int digit(long v, int shift) {
        return (int) (((v ^ Long.MIN_VALUE) >>> shift) & 0xFFFF);
    }
}
