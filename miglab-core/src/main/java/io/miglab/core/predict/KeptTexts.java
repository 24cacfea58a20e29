package io.miglab.core.predict;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The texts made for values, kept so that a run of predictions that share a value (a batch or a sweep whose lines
 * keep their bandwidth, or come back to the same write models) formats it once. At most {@link #KEPT} entries
 * by value and as many by the identity of the object asked for (each emptied when full), so memory stays bounded
 * whatever the run; safe for predictions on several threads.
 */
final class KeptTexts<T> {
    static final int KEPT = 4096;

    private final Function<T, String> make;
    private final Map<Key<T>, String> texts = new ConcurrentHashMap<>();
    /** The texts by the identity of the objects asked for. */
    private final Map<Same<T>, String> recent = new ConcurrentHashMap<>();

    KeptTexts(Function<T, String> make) {
        this.make = make;
    }

    /** The text of {@code value}, found by equality. */
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
     * The text of {@code value}, found first by its identity: for values whose objects come back (a batch keeps each
     * line's spec, so its write model), where the records' generated equality (method handles) dominated the look-ups.
     */
    String ofShared(T value) {
        Same<T> same = new Same<>(value);
        String text = recent.get(same);
        if (text != null) return text;
        text = of(value);
        if (recent.size() >= KEPT) recent.clear();
        recent.put(same, text);
        return text;
    }

    /** An object asked for, equal only to itself. */
    private record Same<T>(T value) {
        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Same<?> s && s.value == value;
        }
    }

    static int mixed(int code) {
        int h = (code ^ (code >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /**
     * A value with its hash mixed ({@link #mixed}): a record of doubles hashes whole numbers (a dirty rate of 2441 pages/s, 2442,
     * ...) to codes that differ only in their middle bits, which the map's buckets do not see, so a thousand write
     * models fell into a few buckets searched as trees. The mix (MurmurHash3's 32-bit finaliser, fmix32) spreads
     * every bit of the code over the low ones; its last step alone would not do, the map's own spread undoes it.
     */
    private record Key<T>(T value) {
        @Override
        public int hashCode() {
            return mixed(value.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key<?> k && value.equals(k.value);
        }
    }
}
