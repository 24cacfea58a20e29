package io.miglab.core.result;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list of texts, each made the first time it is read and kept. A result's assumption texts are
 * written by some outputs only (the JSON, a batch's CSV, the table of one migration); a sweep of a thousand
 * closed-form points writes none of them, and formatting each point's write model and bandwidth cost more than the
 * prediction. Read, the list is the texts the makers give, so a result is the same whoever reads it; equality and
 * hash are those of any list of these texts. Safe to read from several threads: a maker may then run twice, and a
 * maker gives the same text every time.
 */
public final class DeferredTexts extends AbstractList<String> implements RandomAccess {
    /** Each item a text, or the maker of one until it is first read. */
    private final Object[] items;

    private DeferredTexts(Object[] items) {
        this.items = items;
    }

    /** The texts of a result in order: given ones, and ones made when first read. */
    public static final class Builder {
        private final List<Object> items = new ArrayList<>();

        public Builder add(String text) {
            items.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        public Builder add(Supplier<String> maker) {
            items.add(Objects.requireNonNull(maker, "maker"));
            return this;
        }

        public List<String> build() {
            return items.isEmpty() ? List.of() : new DeferredTexts(items.toArray());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public String get(int index) {
        Object item = items[Objects.checkIndex(index, items.length)];
        if (item instanceof String text) return text;
        String text = Objects.requireNonNull(((Supplier<String>) item).get(), "text");
        items[index] = text;
        return text;
    }

    @Override
    public int size() {
        return items.length;
    }
}
