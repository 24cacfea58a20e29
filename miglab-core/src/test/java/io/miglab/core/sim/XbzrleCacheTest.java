package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.spec.Optimisations;
import org.junit.jupiter.api.Test;

/** QEMU's XBZRLE cache (page_cache.c) against closed forms. */
class XbzrleCacheTest {
    private static final int PAGE = 4096;

    // Keeps away a cache that thrashes: with QEMU's lifetime rule the first page of a slot stays while it is re-sent,
    // so a working set of W consecutive pages re-sent every round in C slots hits min(W, C) / W of the time from
    // its second re-send on (the old always-replace cache hit 0 % of a sweep larger than the cache).
    @Test
    void hitRatio_ofAWorkingSetResentEveryRound_isMinOfCacheAndWorkingSet() {
        int slots = 4096;
        for (int workingSet : new int[] {512, 4096, 6000, 16384}) {
            XbzrleCache cache = new XbzrleCache((long) slots * PAGE, PAGE, 0.01);
            for (int round = 0; round < 3; round++) {
                cache.hits = 0;
                for (int p = 0; p < workingSet; p++) cache.send(1000 + p, false);
                cache.synced();
            }
            assertThat(cache.hits / (double) workingSet).as("W=%d", workingSet)
                    .isCloseTo(Math.min(workingSet, slots) / (double) workingSet, within(1e-9));
        }
    }

    // Keeps away replacement of fresh entries: an entry used in this or the previous sync stays; two syncs later
    // a conflicting page takes its slot.
    @Test
    void insert_replacesAnEntryOnlyAfterTwoSyncsUnused() {
        XbzrleCache cache = new XbzrleCache(PAGE, PAGE, 0.01); // one slot: every page conflicts
        assertThat(cache.send(10, false)).isEqualTo(PAGE + Optimisations.PAGE_HEADER_BYTES);
        cache.synced();
        cache.send(11, false); // miss; 10 is fresh (used one sync ago)
        assertThat(cache.send(10, false)).isLessThan(PAGE);
        cache.synced();
        cache.synced();
        cache.send(11, false); // 10 last used two syncs ago: replaced
        assertThat(cache.send(11, false)).isLessThan(PAGE);
        assertThat(cache.send(10, false)).isEqualTo(PAGE + Optimisations.PAGE_HEADER_BYTES);
    }

    // Keeps away a wrong hit size: header, flag, be16 length and the encoding (ram.c save_xbzrle_page); an encoding
    // of a whole page overflows and the page goes in full.
    @Test
    void hitBytes_areHeaderFlagLengthAndEncoding_andOverflowSendsThePage() {
        XbzrleCache small = new XbzrleCache(PAGE * 8L, PAGE, 10.0 / PAGE);
        small.send(3, false);
        assertThat(small.send(3, false)).isEqualTo(Optimisations.PAGE_HEADER_BYTES + 3 + 10);
        XbzrleCache whole = new XbzrleCache(PAGE * 8L, PAGE, 1.0);
        whole.send(3, false);
        assertThat(whole.send(3, false)).isEqualTo(PAGE + Optimisations.PAGE_HEADER_BYTES);
    }

    // Keeps away inserts in the last stage (ram.c: !rs->last_stage).
    @Test
    void lastStage_doesNotInsertMisses() {
        XbzrleCache cache = new XbzrleCache(PAGE * 8L, PAGE, 0.01);
        cache.send(5, true);
        assertThat(cache.send(5, true)).isEqualTo(PAGE + Optimisations.PAGE_HEADER_BYTES);
    }
}
