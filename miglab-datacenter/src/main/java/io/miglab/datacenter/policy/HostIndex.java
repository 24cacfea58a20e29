package io.miglab.datacenter.policy;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The hosts that are on, sorted by their committed cores (committed plus planned, as {@link PolicyContext} sums
 * them), one sorted set per host size (cores). A placement whose score grows with that share alone (best fit, least
 * loaded) walks a set from the ceiling down or from the bottom up and stops at the first host that fits, instead of
 * scanning every host. Every host's demand changes between ticks, so the sets are rebuilt by one sort of primitive
 * keys when first used in a tick ({@link #invalidate}); within a tick a changed host is taken out and put back.
 */
final class HostIndex {
    private final double[] key;
    private final boolean[] indexed;
    private final Integer[] boxed;
    /** Host ids by (key, id); the comparator reads {@link #key}, whose last slot is a probe for range queries. */
    private final Comparator<Integer> order;
    private final Map<Double, TreeSet<Integer>> bySize = new LinkedHashMap<>();
    private final double[] cores;
    private boolean stale = true;

    HostIndex(double[] cores) {
        int n = cores.length;
        this.cores = cores;
        this.key = new double[n + 1];
        this.indexed = new boolean[n];
        this.boxed = new Integer[n + 1];
        for (int i = 0; i <= n; i++) boxed[i] = i;
        this.order = (a, b) -> {
            int c = Double.compare(key[a], key[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };
    }

    /** Every key may have changed: the sets are rebuilt when next asked. */
    void invalidate() { stale = true; }

    boolean isStale() { return stale; }

    /** Host {@code i} now has {@code committedCores} and is {@code on} or not. */
    void update(int i, boolean on, double committedCores) {
        if (stale) return;
        if (indexed[i]) {
            if (on && Double.compare(key[i], committedCores) == 0) return;
            bySize.get(cores[i]).remove(boxed[i]);
            indexed[i] = false;
        }
        key[i] = committedCores;
        if (on) {
            bySize.computeIfAbsent(cores[i], c -> new TreeSet<>(order)).add(boxed[i]);
            indexed[i] = true;
        }
    }

    /** Rebuilds every set from the committed plus planned cores of the hosts that are {@code on}. */
    void rebuild(boolean[] on, double[] committedCores, double[] plannedCores) {
        int n = cores.length;
        Map<Double, int[]> members = new LinkedHashMap<>();
        Map<Double, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            key[i] = committedCores[i] + plannedCores[i];
            indexed[i] = on[i];
            if (on[i]) counts.merge(cores[i], 1, Integer::sum);
        }
        for (Map.Entry<Double, Integer> e : counts.entrySet()) members.put(e.getKey(), new int[e.getValue()]);
        Map<Double, Integer> filled = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!on[i]) continue;
            int at = filled.merge(cores[i], 1, Integer::sum) - 1;
            members.get(cores[i])[at] = i;
        }
        bySize.clear();
        for (Map.Entry<Double, int[]> e : members.entrySet()) {
            int[] ids = sorted(e.getValue());
            TreeSet<Integer> set = new TreeSet<>(order);
            set.addAll(new SortedIds(ids)); // a sorted set with the same comparator: built in linear time
            bySize.put(e.getKey(), set);
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
        for (Map.Entry<Double, TreeSet<Integer>> e : bySize.entrySet()) {
            double k = e.getKey();
            // rounding slack: a host whose (key + demand) / k rounds to the ceiling is never left out
            key[key.length - 1] = ceiling * k - demand + 1e-9 * (k + Math.abs(demand) + 1);
            int found = -1;
            double foundAfter = 0;
            for (int id : e.getValue().headSet(boxed[key.length - 1], true).descendingSet()) {
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
        for (Map.Entry<Double, TreeSet<Integer>> e : bySize.entrySet()) {
            double k = e.getKey();
            int found = -1;
            double foundNow = 0;
            for (int id : e.getValue()) {
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
            long b = Double.doubleToLongBits(key[ids[j]]);
            b ^= (b >> 63) & Long.MAX_VALUE; // signed order of the bits = Double.compare's order
            packed[j] = ((b >>> bits) << bits) | ids[j]; // the key's top bits, then the id
        }
        Arrays.sort(packed);
        long mask = (1L << bits) - 1;
        int[] out = new int[ids.length];
        for (int j = 0; j < ids.length; j++) {
            int id = (int) (packed[j] & mask);
            int k = j;
            while (k > 0 && order.compare(out[k - 1], id) > 0) { // equal top bits may hide a lower key
                out[k] = out[k - 1];
                k--;
            }
            out[k] = id;
        }
        return out;
    }

    /** A sorted view of ids already in (key, id) order, for TreeSet's linear-time build. */
    private final class SortedIds extends AbstractSet<Integer> implements SortedSet<Integer> {
        private final int[] ids;

        SortedIds(int[] ids) { this.ids = ids; }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() { return next < ids.length; }

                @Override
                public Integer next() { return boxed[ids[next++]]; }
            };
        }

        @Override
        public int size() { return ids.length; }

        @Override
        public Comparator<? super Integer> comparator() { return order; }

        @Override
        public SortedSet<Integer> subSet(Integer from, Integer to) { throw new UnsupportedOperationException(); }

        @Override
        public SortedSet<Integer> headSet(Integer to) { throw new UnsupportedOperationException(); }

        @Override
        public SortedSet<Integer> tailSet(Integer from) { throw new UnsupportedOperationException(); }

        @Override
        public Integer first() { return boxed[ids[0]]; }

        @Override
        public Integer last() { return boxed[ids[ids.length - 1]]; }
    }
}
