package io.miglab.core.algorithm;

import io.miglab.core.error.InvalidSpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The algorithms every command offers, by name. One line per algorithm, no classpath scanning (the pattern of
 * Caffeine's simulator {@code policy/Registry}).
 */
public final class AlgorithmRegistry {
    public record Entry(String name, String description, Supplier<MigrationAlgorithm> factory) {
        /** The engines that carry this algorithm out, for {@code miglab algorithms}. */
        public String engines() {
            return factory.get().qemuLimitation().isPresent() ? "sim, closed-form, datacenter"
                    : "sim, closed-form, datacenter, qemu";
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public static AlgorithmRegistry standard() {
        return new AlgorithmRegistry()
                .register("stop-and-copy", "pause, send all memory, resume", StopAndCopy::new)
                .register("precopy", "iterative pre-copy rounds, then stop-and-copy", PreCopy::new)
                .register("postcopy", "resume on the destination at once, pull pages on demand", PostCopy::new)
                .register("hybrid", "pre-copy rounds, then post-copy", Hybrid::new);
    }

    public AlgorithmRegistry register(String name, String description, Supplier<MigrationAlgorithm> factory) {
        if (entries.putIfAbsent(name, new Entry(name, description, factory)) != null) {
            throw new IllegalArgumentException("algorithm '" + name + "' is registered twice");
        }
        return this;
    }

    public MigrationAlgorithm create(String name) {
        return entry(name).factory().get();
    }

    /** The algorithm's registry entry; the same one-line error as {@link #create} for an unknown name. */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) throw new InvalidSpecException("algorithm", "one of " + String.join(", ", names()), name);
        return e;
    }

    /** The algorithms that read a setting of their own, e.g. {@code precopy-rounds}, for error messages. */
    public java.util.List<String> namesReading(String setting) {
        return entries.values().stream().filter(e -> e.factory().get().ownSettings().contains(setting))
                .map(Entry::name).toList();
    }

    public boolean contains(String name) { return entries.containsKey(name); }

    public java.util.Set<String> names() { return Collections.unmodifiableSet(entries.keySet()); }

    public java.util.Collection<Entry> entries() { return Collections.unmodifiableCollection(entries.values()); }
}
