package io.miglab.cli.spec;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** The values under {@link #ownKeys}; a sweep point shares its base's map rather than copying it. */
    private final Map<String, Value> shared;
    /** A sweep point's own keys and values, over {@link #shared}; empty otherwise. */
    private final String[] ownKeys;
    private final Value[] own;
    /** {@link #shared} with the own values laid over it, made when asked for. */
    private Map<String, Value> merged;

    private ScenarioValues(Map<String, Value> values) {
        this(Collections.unmodifiableMap(values), new String[0], new Value[0]);
    }

    private ScenarioValues(Map<String, Value> shared, String[] ownKeys, Value[] own) {
        this.shared = shared;
        this.ownKeys = ownKeys;
        this.own = own;
        if (own.length == 0) merged = shared;
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
        Map<String, Value> copy = new LinkedHashMap<>(asMap());
        copy.put(key, new Value(text, origin));
        return new ScenarioValues(copy);
    }

    /**
     * These values with each of {@code keys} (distinct) set to the text at the same place of {@code texts}, all from
     * {@code origin}: a sweep point's values. They share this one's map instead of copying it (as {@link #asMap}
     * they are the copy {@link #with} would make), so the points' values differ only in their own keys.
     */
    public ScenarioValues with(List<String> keys, List<String> texts, String origin) {
        Value[] values = new Value[keys.size()];
        for (int i = 0; i < values.length; i++) values[i] = new Value(texts.get(i), origin);
        return new ScenarioValues(asMap(), keys.toArray(String[]::new), values);
    }

    /**
     * The keys whose value (text or origin) here is not the one {@code earlier} holds, or that only one of them has;
     * null when the two do not list the same keys in the same order (then every key is to be compared). A sweep asks
     * it for every point: two points of one base compare only their own values; otherwise the entries are compared
     * in order, by identity first, without hashing.
     */
    public String[] changedFrom(ScenarioValues earlier) {
        if (shared == earlier.shared && own.length > 0 && Arrays.equals(ownKeys, earlier.ownKeys)) {
            String[] keys = new String[own.length];
            int n = 0;
            for (int i = 0; i < own.length; i++) if (!same(own[i], earlier.own[i])) keys[n++] = ownKeys[i];
            return Arrays.copyOf(keys, n);
        }
        List<String> changed = new ArrayList<>(2);
        Map<String, Value> now = asMap(), then = earlier.asMap();
        if (then.size() != now.size()) return null;
        Iterator<Map.Entry<String, Value>> old = then.entrySet().iterator();
        for (Map.Entry<String, Value> e : now.entrySet()) {
            Map.Entry<String, Value> o = old.next();
            if (!o.getKey().equals(e.getKey())) return null;
            if (!same(o.getValue(), e.getValue())) changed.add(e.getKey());
        }
        return changed.toArray(new String[0]);
    }

    /** As {@code a.equals(b)}, spelt out: a record's own equals goes through method handles, slow until compiled. */
    private static boolean same(Value a, Value b) {
        return a == b || a.text().equals(b.text()) && a.origin().equals(b.origin());
    }

    /** A copy with every value of {@code top} laid over this one's. */
    public ScenarioValues overriddenBy(ScenarioValues top) {
        Map<String, Value> copy = new LinkedHashMap<>(asMap());
        copy.putAll(top.asMap());
        return new ScenarioValues(copy);
    }

    public boolean has(String key) {
        return value(key) != null;
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(value(key));
    }

    /** The value of {@code key}, or null: what a spec's parts ask for every key they read. */
    Value value(String key) {
        for (int i = own.length - 1; i >= 0; i--) if (ownKeys[i].equals(key)) return own[i];
        return shared.get(key);
    }

    public Optional<String> text(String key) {
        return get(key).map(Value::text);
    }

    public Map<String, Value> asMap() {
        if (merged == null) {
            Map<String, Value> copy = new LinkedHashMap<>(shared);
            for (int i = 0; i < own.length; i++) copy.put(ownKeys[i], own[i]);
            merged = Collections.unmodifiableMap(copy);
        }
        return merged;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
