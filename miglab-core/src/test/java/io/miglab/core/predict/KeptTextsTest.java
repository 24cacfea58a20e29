package io.miglab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeptTextsTest {
    // Guards the kept texts' lookups: write models at whole dirty rates can hash to codes that differ only in
    // middle bits (a record's hash of doubles), and a hash map's buckets (its spread, h ^ h >>> 16, then the low
    // bits) put them in a few buckets searched as trees; the mixed code must spread them, and must not be undone by
    // the map's own spread.
    @Test
    void wholeDirtyRates_fallInManyBuckets() {
        Set<Integer> plain = new HashSet<>(), mixed = new HashSet<>();
        for (int rate = 2441; rate < 3441; rate++) {
            int code = Objects.hash(ByteSize.ofMiB(921), 4096, (double) rate);
            plain.add(bucket(code));
            mixed.add(bucket(KeptTexts.mixed(code)));
        }
        assertThat(plain).hasSizeLessThan(200);
        assertThat(mixed).hasSizeGreaterThan(700);
    }

    // Guards what the texts are kept for: the same value gives the same String object (a batch checks it once).
    @Test
    void equalValues_giveTheSameText() {
        KeptTexts<SweepWrites> texts = new KeptTexts<>(SweepWrites::describe);
        String first = texts.of(new SweepWrites(ByteSize.ofMiB(64), 4096, 100));
        assertThat(texts.of(new SweepWrites(ByteSize.ofMiB(64), 4096, 100))).isSameAs(first);
    }

    // Guards the look-up by identity: the text an object is kept under is the one its equal values have.
    @Test
    void sharedObjects_andEqualValues_giveTheSameText() {
        KeptTexts<SweepWrites> texts = new KeptTexts<>(SweepWrites::describe);
        SweepWrites model = new SweepWrites(ByteSize.ofMiB(64), 4096, 100);
        String first = texts.ofShared(model);
        assertThat(first).isEqualTo(model.describe());
        assertThat(texts.ofShared(model)).isSameAs(first);
        assertThat(texts.ofShared(new SweepWrites(ByteSize.ofMiB(64), 4096, 100))).isSameAs(first);
        assertThat(texts.of(new SweepWrites(ByteSize.ofMiB(64), 4096, 100))).isSameAs(first);
        assertThat(texts.ofShared(new SweepWrites(ByteSize.ofMiB(64), 4096, 101))).isNotEqualTo(first);
    }

    /** A ConcurrentHashMap's bucket in a table of 2,048. */
    private static int bucket(int h) {
        return (h ^ (h >>> 16)) & 2047;
    }
}
