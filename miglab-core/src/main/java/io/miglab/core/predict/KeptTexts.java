package io.miglab.core.predict;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The texts made for values, kept so that a run of predictions that share a value (a batch or a sweep whose lines
 * keep their bandwidth, or come back to the same write models) formats it once. At most {@link #KEPT} entries
 * (emptied when full), so memory stays bounded whatever the run; safe for predictions on several threads.
 */
final class KeptTexts<T> {
    static final int KEPT = 4096;

    private final Function<T, String> make;
    private final Map<Key<T>, String> texts = new ConcurrentHashMap<>();

    KeptTexts(Function<T, String> make) {
        this.make = make;
    }

    String of(T value) {
        Key<T> key = new Key<>(value);
        String text = texts.get(key);
        if (text != null) return text;
        text = make.apply(value);
        if (texts.size() >= KEPT) texts.clear();
        texts.put(key, text);
        return text;
    }

    /**
     * A value with its hash mixed: a record of doubles hashes whole numbers (a dirty rate of 2441 pages/s, 2442,
     * ...) to codes that differ only in their middle bits, which the map's buckets do not see, so a thousand write
     * models fell into a few buckets searched as trees. The mix (a multiply by the golden ratio's 32 bits, high half
     * folded in) spreads every bit of the code over the low ones.
     */
    private record Key<T>(T value) {
        @Override
        public int hashCode() {
            int h = value.hashCode() * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key<?> k && value.equals(k.value);
        }
    }
}
