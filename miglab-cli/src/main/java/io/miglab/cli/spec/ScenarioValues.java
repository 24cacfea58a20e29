package io.miglab.cli.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one migration as text, keyed by flag name without dashes ({@code memory}, {@code dirty-rate}),
 * each with where it came from. Layers are applied in order, later ones overriding: scenario file, then flags,
 * then (in a sweep) the point's values. Immutable.
 */
public final class ScenarioValues {
    /** One value and its origin, e.g. {@code "flag"} or {@code "scenario examples/web.yaml"}. */
    public record Value(String text, String origin) { }

    public static final String FLAG = "flag";
    public static final String SWEEP = "sweep";

    private final Map<String, Value> values;

    private ScenarioValues(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ScenarioValues empty() {
        return new ScenarioValues(new LinkedHashMap<>());
    }

    /** {@code texts} (key to text), all from {@code origin}, in the map's order. */
    public static ScenarioValues of(Map<String, String> texts, String origin) {
        Map<String, Value> values = new LinkedHashMap<>();
        texts.forEach((k, t) -> values.put(k, new Value(t, origin)));
        return new ScenarioValues(values);
    }

    /** A copy with {@code key} set to {@code text} from {@code origin}; a null text leaves the key as it was. */
    public ScenarioValues with(String key, String text, String origin) {
        if (text == null) return this;
        Map<String, Value> copy = new LinkedHashMap<>(values);
        copy.put(key, new Value(text, origin));
        return new ScenarioValues(copy);
    }

    /**
     * A copy with each of {@code keys} set to the text at the same place of {@code texts}, all from {@code origin}:
     * one copy of the map for a sweep point's values, however many axes set them.
     */
    public ScenarioValues with(List<String> keys, List<String> texts, String origin) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        for (int i = 0; i < keys.size(); i++) copy.put(keys.get(i), new Value(texts.get(i), origin));
        return new ScenarioValues(copy);
    }

    /**
     * The keys whose value (text or origin) here is not the one {@code earlier} holds, or that only one of them has;
     * null when the two do not list the same keys in the same order (then every key is to be compared). Values made
     * from one another by {@link #with} share the unchanged entries, so this compares them by identity, without
     * hashing: a sweep asks it for every point.
     */
    public String[] changedFrom(ScenarioValues earlier) {
        if (earlier.values.size() != values.size()) return null;
        List<String> changed = new ArrayList<>(2);
        Iterator<Map.Entry<String, Value>> old = earlier.values.entrySet().iterator();
        for (Map.Entry<String, Value> e : values.entrySet()) {
            Map.Entry<String, Value> o = old.next();
            if (!o.getKey().equals(e.getKey())) return null;
            if (o.getValue() != e.getValue() && !o.getValue().equals(e.getValue())) changed.add(e.getKey());
        }
        return changed.toArray(String[]::new);
    }

    /** A copy with every value of {@code top} laid over this one's. */
    public ScenarioValues overriddenBy(ScenarioValues top) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        copy.putAll(top.values);
        return new ScenarioValues(copy);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> text(String key) {
        return get(key).map(Value::text);
    }

    public Map<String, Value> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
