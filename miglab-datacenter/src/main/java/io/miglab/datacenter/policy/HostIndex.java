package io.miglab.datacenter.policy;

import io.miglab.datacenter.engine.KeyOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The hosts that are on, sorted by their committed cores (committed plus planned, as {@link PolicyContext} sums
 * them), per host size (cores). A placement whose score grows with that share alone (best fit, least loaded) walks
 * a size's hosts from the ceiling down or from the bottom up and stops at the first host that fits, instead of
 * scanning every host. Every host's demand changes between ticks, so the order is rebuilt by one sort of primitive
 * keys into plain arrays when first used in a tick ({@link #invalidate}); within a tick a changed host leaves its
 * place in those arrays and goes into a small sorted set of the hosts changed since, and a walk merges the two.
 * (A sorted set of every host rebuilt at each tick, and boxed keys, made this a tenth of a million-VM day.)
 */
final class HostIndex {
    private final double[] key;
    private final boolean[] indexed;
    private final Integer[] boxed;
    /** Host ids by (key, id); the comparator reads {@link #key}, whose last slot is a probe for range queries. */
    private final Comparator<Integer> order;
    /** The distinct host sizes (cores) and each host's index into them. */
    private final double[] sizes;
    private final int[] sizeOf;
    /** Per size, the hosts on at the last rebuild sorted by (key, id), and their keys then (the base). */
    private final int[][] baseIds;
    private final double[][] baseKeys;
    /** Whether host i's place in its base is still right (it is on and its key has not changed since). */
    private final boolean[] inBase;
    /** Per size, the hosts changed since the rebuild (taken out of the base), sorted by (key, id). */
    private final TreeSet<Integer>[] changed;
    private final Walk walk = new Walk();
    private final double[] cores;
    private boolean stale = true;

    @SuppressWarnings("unchecked")
    HostIndex(double[] cores) {
        int n = cores.length;
        this.cores = cores;
        this.key = new double[n + 1];
        this.indexed = new boolean[n];
        this.boxed = new Integer[n + 1];
        for (int i = 0; i <= n; i++) boxed[i] = i;
        this.order = this::compare;
        Map<Double, Integer> classes = new LinkedHashMap<>(); // sizes are few: looked up once per host, here
        this.sizeOf = new int[n];
        for (int i = 0; i < n; i++) sizeOf[i] = classes.computeIfAbsent(cores[i], c -> classes.size());
        this.sizes = new double[classes.size()];
        for (Map.Entry<Double, Integer> e : classes.entrySet()) sizes[e.getValue()] = e.getKey();
        this.baseIds = new int[sizes.length][0];
        this.baseKeys = new double[sizes.length][0];
        this.inBase = new boolean[n];
        this.changed = new TreeSet[sizes.length];
        for (int c = 0; c < sizes.length; c++) changed[c] = new TreeSet<>(order);
    }

    /** The order by (key, id) of hosts {@code a} and {@code b}, on ints (not boxing them as {@link #order} does). */
    private int compare(int a, int b) {
        int c = Double.compare(key[a], key[b]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    /** Every key may have changed: the sets are rebuilt when next asked. */
    void invalidate() { stale = true; }

    boolean isStale() { return stale; }

    /** Host {@code i} now has {@code committedCores} and is {@code on} or not. */
    void update(int i, boolean on, double committedCores) {
        if (stale) return;
        if (indexed[i]) {
            if (on && Double.compare(key[i], committedCores) == 0) return;
            if (inBase[i]) inBase[i] = false; // its slot in the base is passed over from now on
            else changed[sizeOf[i]].remove(boxed[i]); // before its key changes: the set is ordered by it
            indexed[i] = false;
        }
        key[i] = committedCores;
        if (on) {
            changed[sizeOf[i]].add(boxed[i]);
            indexed[i] = true;
        }
    }

    /** Rebuilds every set from the committed plus planned cores of the hosts that are {@code on}. */
    void rebuild(boolean[] on, double[] committedCores, double[] plannedCores) {
        int n = cores.length;
        int[] counts = new int[sizes.length];
        for (int i = 0; i < n; i++) {
            key[i] = committedCores[i] + plannedCores[i];
            indexed[i] = on[i];
            inBase[i] = on[i];
            if (on[i]) counts[sizeOf[i]]++;
        }
        int[][] members = new int[sizes.length][];
        for (int c = 0; c < sizes.length; c++) members[c] = new int[counts[c]];
        int[] filled = new int[sizes.length];
        for (int i = 0; i < n; i++) if (on[i]) members[sizeOf[i]][filled[sizeOf[i]]++] = i;
        for (int c = 0; c < sizes.length; c++) {
            int[] ids = sorted(members[c]);
            double[] keys = new double[ids.length];
            for (int j = 0; j < ids.length; j++) keys[j] = key[ids[j]];
            baseIds[c] = ids;
            baseKeys[c] = keys;
            changed[c].clear();
        }
        stale = false;
    }

    /**
     * Best fit: the host that {@code fits} with the highest share once {@code demand} cores arrive, ties to the
     * lower id, exactly as a scan scoring {@code -(key / cores + demand / cores)} would choose; -1 if none fits.
     * Each size's walk starts just above the highest key that can stay within {@code ceiling} and stops once the
     * share after falls below the first fitting host's.
     */
    int bestFit(double demand, double ceiling, IntPredicate fits) {
        int best = -1;
        double bestAfter = 0;
        for (int c = 0; c < sizes.length; c++) {
            double k = sizes[c];
            // rounding slack: a host whose (key + demand) / k rounds to the ceiling is never left out
            walk.down(c, ceiling * k - demand + 1e-9 * (k + Math.abs(demand) + 1));
            int found = -1;
            double foundAfter = 0;
            for (int id = walk.next(); id >= 0; id = walk.next()) {
                double after = key[id] / k + demand / k;
                if (found >= 0 && after < foundAfter) break;
                if (!fits.test(id) || found >= 0 && id > found) continue;
                found = id;
                foundAfter = after;
            }
            if (found >= 0 && (best < 0 || foundAfter > bestAfter || foundAfter == bestAfter && found < best)) {
                best = found;
                bestAfter = foundAfter;
            }
        }
        return best;
    }

    /**
     * Least loaded: the host that {@code fits} with the lowest share now, ties to the lower id; -1 if none. Each
     * size's walk goes up from the lowest key and stops where the share with {@code demand} passes the ceiling.
     */
    int leastLoaded(double demand, double ceiling, IntPredicate fits) {
        int best = -1;
        double bestNow = 0;
        for (int c = 0; c < sizes.length; c++) {
            double k = sizes[c];
            walk.up(c);
            int found = -1;
            double foundNow = 0;
            for (int id = walk.next(); id >= 0; id = walk.next()) {
                if ((key[id] + demand) / k > ceiling) break; // the same sum as PolicyContext's fit
                double now = key[id] / k;
                if (found >= 0 && now > foundNow) break;
                if (!fits.test(id) || found >= 0 && id > found) continue;
                found = id;
                foundNow = now;
            }
            if (found >= 0 && (best < 0 || foundNow < bestNow || foundNow == bestNow && found < best)) {
                best = found;
                bestNow = foundNow;
            }
        }
        return best;
    }

    /** Sorts ids by (key, id): packed keys with the ids in their low bits, then an insertion pass for exactness. */
    private int[] sorted(int[] ids) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, cores.length - 1));
        long[] packed = new long[ids.length];
        for (int j = 0; j < ids.length; j++) {
            long b = KeyOrder.orderBits(key[ids[j]]); // signed order of the bits = Double.compare's order
            packed[j] = ((b >>> bits) << bits) | ids[j]; // the key's top bits, then the id
        }
        radixSort(packed);
        long mask = (1L << bits) - 1;
        int[] out = new int[ids.length];
        for (int j = 0; j < ids.length; j++) {
            int id = (int) (packed[j] & mask);
            int k = j;
            while (k > 0 && compare(out[k - 1], id) > 0) { // equal top bits may hide a lower key
                out[k] = out[k - 1];
                k--;
            }
            out[k] = id;
        }
        return out;
    }

    /**
     * Sorts signed longs ascending, 16 bits at a time from the lowest (a digit all values share is skipped): a
     * hundred thousand keys at every tick in a few linear passes rather than a comparison sort.
     */
    private static void radixSort(long[] a) {
        long[] from = a, to = new long[a.length];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (long v : from) count[digit(v, shift)]++;
            if (from.length == 0 || count[digit(from[0], shift)] == from.length) continue;
            for (int d = 0, sum = 0; d < count.length; d++) {
                int n = count[d];
                count[d] = sum;
                sum += n;
            }
            for (long v : from) to[count[digit(v, shift)]++] = v;
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) System.arraycopy(from, 0, a, 0, a.length);
    }

    /** The 16 bits of {@code v} at {@code shift}, its sign bit flipped so that negative values come first. */
    private static int digit(long v, int shift) {
        return (int) (((v ^ Long.MIN_VALUE) >>> shift) & 0xFFFF);
    }

    /**
     * A walk over one size's hosts in (key, id) order, down from a key or up from the lowest: the base's hosts still
     * in place merged with the hosts changed since the rebuild, exactly the order one sorted set of both would give.
     */
    private final class Walk {
        private int[] ids;
        private double[] keys;
        private boolean down;
        private int at;
        private Iterator<Integer> more;
        private int peeked;

        /** Down from the hosts whose key is at most {@code highest}. */
        void down(int c, double highest) {
            start(c, true);
            int lo = 0, hi = ids.length; // the first base slot with a key above highest
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] <= highest) lo = mid + 1; else hi = mid;
            }
            at = lo - 1;
            key[key.length - 1] = highest; // the probe: ids are below it, so equal keys are included
            more = changed[c].headSet(boxed[key.length - 1], true).descendingIterator();
        }

        /** Up from the lowest key. */
        void up(int c) {
            start(c, false);
            at = 0;
            more = changed[c].iterator();
        }

        private void start(int c, boolean down) {
            this.ids = baseIds[c];
            this.keys = baseKeys[c];
            this.down = down;
            this.peeked = -1;
        }

        /** The next host, or -1 at the end. */
        int next() {
            int step = down ? -1 : 1;
            while (at >= 0 && at < ids.length && !inBase[ids[at]]) at += step;
            boolean base = at >= 0 && at < ids.length;
            if (peeked < 0 && more.hasNext()) peeked = more.next();
            if (peeked >= 0) {
                int c = base ? Double.compare(key[peeked], keys[at]) : 0;
                if (c == 0 && base) c = Integer.compare(peeked, ids[at]);
                if (!base || (down ? c > 0 : c < 0)) {
                    int id = peeked;
                    peeked = -1;
                    return id;
                }
            }
            if (!base) return -1;
            int id = ids[at];
            at += step;
            return id;
        }
    }
}
