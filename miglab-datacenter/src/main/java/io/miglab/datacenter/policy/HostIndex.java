package io.miglab.datacenter.policy;

import io.miglab.datacenter.engine.KeyOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The hosts that are on, sorted by their committed cores (committed plus planned, as {@link PolicyContext} sums
 * them), per host size (cores). A placement whose score grows with that share alone (best fit, least loaded) walks
 * a size's hosts from the ceiling down or from the bottom up and stops at the first host that fits, instead of
 * scanning every host. Every host's demand changes between ticks, so the order is rebuilt by one sort of primitive
 * keys into plain arrays when first used in a tick ({@link #invalidate}); within a tick a changed host leaves its
 * place in those arrays and goes into a small sorted array of the hosts changed since, and a walk merges the two.
 * (A sorted set of every host rebuilt at each tick, and boxed keys, made this a tenth of a million-VM day; a
 * TreeSet of the changed hosts, a node per change and a chain of nodes per lookup, was still a twentieth.)
 */
final class HostIndex {
    private final double[] key;
    private final boolean[] indexed;
    /** The distinct host sizes (cores) and each host's index into them. */
    private final double[] sizes;
    private final int[] sizeOf;
    /**
     * Per size, the hosts on at the last rebuild sorted by (key, id) and their keys then (the base), in the first
     * {@link #baseCount} slots of arrays kept from tick to tick with the sort's scratch (made anew at each rebuild,
     * they were a tenth of the bytes a million-VM day allocates).
     */
    private final int[][] baseIds;
    private final double[][] baseKeys;
    private final int[] baseCount;
    private final long[] packed;
    private final long[] radixScratch;
    private final int[] radixCount = new int[KeyOrder.RADIX];
    /** Whether host i's place in its base is still right (it is on and its key has not changed since). */
    private final boolean[] inBase;
    /**
     * Per size, the hosts changed since the rebuild (taken out of the base), sorted by (key, id) in the first
     * {@link #changedCount} slots: a few thousand at most in a tick, so an insertion moves a few kilobytes.
     */
    private final int[][] changed;
    private final int[] changedCount;
    private final Walk walk = new Walk();
    private final double[] cores;
    private boolean stale = true;

    HostIndex(double[] cores) {
        int n = cores.length;
        this.cores = cores;
        this.key = new double[n];
        this.indexed = new boolean[n];
        Map<Double, Integer> classes = new LinkedHashMap<>(); // sizes are few: looked up once per host, here
        this.sizeOf = new int[n];
        for (int i = 0; i < n; i++) sizeOf[i] = classes.computeIfAbsent(cores[i], c -> classes.size());
        this.sizes = new double[classes.size()];
        for (Map.Entry<Double, Integer> e : classes.entrySet()) sizes[e.getValue()] = e.getKey();
        this.baseCount = new int[sizes.length];
        for (int i = 0; i < n; i++) baseCount[sizeOf[i]]++;
        this.baseIds = new int[sizes.length][];
        this.baseKeys = new double[sizes.length][];
        int largest = 0;
        for (int c = 0; c < sizes.length; c++) {
            baseIds[c] = new int[baseCount[c]];
            baseKeys[c] = new double[baseCount[c]];
            largest = Math.max(largest, baseCount[c]);
        }
        this.packed = new long[largest];
        this.radixScratch = new long[largest];
        this.inBase = new boolean[n];
        this.changed = new int[sizes.length][16];
        this.changedCount = new int[sizes.length];
    }

    /** The order by (key, id) of hosts {@code a} and {@code b}. */
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
            else removeChanged(sizeOf[i], i); // before its key changes: the array is ordered by it
            indexed[i] = false;
        }
        key[i] = committedCores;
        if (on) {
            addChanged(sizeOf[i], i);
            indexed[i] = true;
        }
    }

    /** The first of size {@code c}'s changed hosts that comes after host {@code i} in (key, id) order. */
    private int changedAfter(int c, int i) {
        int[] a = changed[c];
        int lo = 0, hi = changedCount[c];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(a[mid], i) <= 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void addChanged(int c, int i) {
        int at = changedAfter(c, i), n = changedCount[c];
        if (n == changed[c].length) changed[c] = Arrays.copyOf(changed[c], 2 * n);
        System.arraycopy(changed[c], at, changed[c], at + 1, n - at);
        changed[c][at] = i;
        changedCount[c]++;
    }

    private void removeChanged(int c, int i) {
        int at = changedAfter(c, i) - 1; // host i is in the array, at the last place not after it
        System.arraycopy(changed[c], at + 1, changed[c], at, changedCount[c] - at - 1);
        changedCount[c]--;
    }

    /** Rebuilds every set from the committed plus planned cores of the hosts that are {@code on}. */
    void rebuild(boolean[] on, double[] committedCores, double[] plannedCores) {
        int n = cores.length;
        Arrays.fill(baseCount, 0);
        for (int i = 0; i < n; i++) {
            key[i] = committedCores[i] + plannedCores[i];
            indexed[i] = on[i];
            inBase[i] = on[i];
            if (on[i]) baseIds[sizeOf[i]][baseCount[sizeOf[i]]++] = i; // in id order, then sorted
        }
        for (int c = 0; c < sizes.length; c++) {
            sort(baseIds[c], baseCount[c]);
            for (int j = 0; j < baseCount[c]; j++) baseKeys[c][j] = key[baseIds[c][j]];
            changedCount[c] = 0;
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

    /** Sorts the first {@code n} ids in place by (key, id): radix on packed keys, then insertion for exactness. */
    private void sort(int[] ids, int n) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, cores.length - 1));
        for (int j = 0; j < n; j++) {
            long b = KeyOrder.orderBits(key[ids[j]]); // signed order of the bits = Double.compare's order
            packed[j] = ((b >>> bits) << bits) | ids[j]; // the key's top bits, then the id
        }
        KeyOrder.radixSort(packed, n, radixScratch, radixCount); // ids now read: written over in order below
        long mask = (1L << bits) - 1;
        for (int j = 0; j < n; j++) {
            int id = (int) (packed[j] & mask);
            int k = j;
            while (k > 0 && compare(ids[k - 1], id) > 0) { // equal top bits may hide a lower key
                ids[k] = ids[k - 1];
                k--;
            }
            ids[k] = id;
        }
    }

    /**
     * A walk over one size's hosts in (key, id) order, down from a key or up from the lowest: the base's hosts still
     * in place merged with the hosts changed since the rebuild, exactly the order one sorted set of both would give.
     */
    private final class Walk {
        private int[] ids;
        private int idsCount;
        private double[] keys;
        private boolean down;
        private int at;
        /** The changed hosts' array of this size, the next place in it, and how many it holds. */
        private int[] more;
        private int moreAt;
        private int moreCount;
        private int peeked;

        /** Down from the hosts whose key is at most {@code highest}. */
        void down(int c, double highest) {
            start(c, true);
            int lo = 0, hi = idsCount; // the first base slot with a key above highest
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] <= highest) lo = mid + 1; else hi = mid;
            }
            at = lo - 1;
            lo = 0;
            hi = moreCount; // the first changed host with a key above highest: equal keys are included
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (key[more[mid]] <= highest) lo = mid + 1; else hi = mid;
            }
            moreAt = lo - 1;
        }

        /** Up from the lowest key. */
        void up(int c) {
            start(c, false);
            at = 0;
            moreAt = 0;
        }

        private void start(int c, boolean down) {
            this.ids = baseIds[c];
            this.idsCount = baseCount[c];
            this.keys = baseKeys[c];
            this.down = down;
            this.more = changed[c];
            this.moreCount = changedCount[c];
            this.peeked = -1;
        }

        /** The next host, or -1 at the end. */
        int next() {
            int step = down ? -1 : 1;
            while (at >= 0 && at < idsCount && !inBase[ids[at]]) at += step;
            boolean base = at >= 0 && at < idsCount;
            if (peeked < 0 && moreAt >= 0 && moreAt < moreCount) {
                peeked = more[moreAt];
                moreAt += step;
            }
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
