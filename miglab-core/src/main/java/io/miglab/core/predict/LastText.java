package io.miglab.core.predict;

import java.util.function.Function;

/**
 * The text last made for a value, kept so that a run of predictions that share it (a batch whose lines keep their
 * bandwidth or write model) formats it once. One entry, so memory stays constant whatever the run.
 */
final class LastText<T> {
    private record Entry(Object key, String text) { }

    private final Function<T, String> make;
    private volatile Entry last = new Entry(new Object(), "");

    LastText(Function<T, String> make) {
        this.make = make;
    }

    String of(T value) {
        Entry e = last;
        if (e.key().equals(value)) return e.text();
        String text = make.apply(value);
        last = new Entry(value, text);
        return text;
    }
}
