package io.miglab.datacenter.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link KeyOrder} gives the order a stable comparator sort by (Double.compare of the key, tie) gives. */
class KeyOrderTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 33, 100, 1000})
    void sortsAsTheComparatorSortDoes(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1};
        KeyOrder order = new KeyOrder();
        for (int trial = 0; trial < 5; trial++) {
            double[] keys = new double[n];
            Integer[] expected = new Integer[n];
            for (int p = 0; p < n; p++) {
                keys[p] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextInt(5) * 0.5;
                expected[p] = p;
                order.put(p, keys[p], n - p); // ties by a distinct int that runs against the position
            }
            Arrays.sort(expected, Comparator.comparingDouble((Integer p) -> keys[p]).thenComparingInt(p -> n - p));
            int[] want = Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, Arrays.copyOf(order.sort(n), n), "n " + n + " trial " + trial);
        }
    }
}
