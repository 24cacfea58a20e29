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
    private final Map<T, String> texts = new ConcurrentHashMap<>();

    KeptTexts(Function<T, String> make) {
        this.make = make;
    }

    String of(T value) {
        String text = texts.get(value);
        if (text != null) return text;
        text = make.apply(value);
        if (texts.size() >= KEPT) texts.clear();
        texts.put(value, text);
        return text;
    }
}
