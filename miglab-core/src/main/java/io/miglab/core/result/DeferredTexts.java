package io.miglab.core.result;

import java.util.AbstractList;
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
    private final Supplier<String>[] makers;
    private final String[] made;

    @SuppressWarnings("unchecked")
    private DeferredTexts(List<Supplier<String>> makers) {
        this.makers = makers.toArray(Supplier[]::new);
        for (Supplier<String> m : this.makers) Objects.requireNonNull(m, "maker");
        this.made = new String[this.makers.length];
    }

    /** The texts {@code makers} give, each made when first read. */
    public static List<String> of(List<Supplier<String>> makers) {
        return makers.isEmpty() ? List.of() : new DeferredTexts(makers);
    }

    @Override
    public String get(int index) {
        String text = made[Objects.checkIndex(index, made.length)];
        if (text == null) {
            text = Objects.requireNonNull(makers[index].get(), "text");
            made[index] = text;
        }
        return text;
    }

    @Override
    public int size() {
        return made.length;
    }
}
