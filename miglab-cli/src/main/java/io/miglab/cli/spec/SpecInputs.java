package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Typed access to {@link ScenarioValues}, falling back to the hypervisor profile's settings ({@code --hypervisor})
 * and then to the defaults of {@link Settings}; every error names its key.
 */
final class SpecInputs {
    private final ScenarioValues values;
    private final Map<String, String> profile;
    private final String[] changed;
    /** While a part of the spec is built: the keys it read, and those whose origin it read; null otherwise. */
    private Set<String> read, originRead;

    /**
     * What a part of the spec read: each key's text (the user's and the profile's; absent ones as null) and, for the
     * keys whose origin it asked, the origin; in arrays, as a sweep compares them for every point and part.
     */
    record Reads(String[] keys, String[] texts, String[] profileTexts, String[] originKeys, String[] origins) {
        /** Whether {@code r} read the same keys (and origins) as this, in the same order. */
        boolean sameKeys(Reads r) {
            return Arrays.equals(keys, r.keys) && Arrays.equals(originKeys, r.originKeys);
        }

        /** What was read (and {@code given}), as a list: equal for inputs that give these keys the same. */
        List<Object> key(Object given) {
            int n = keys.length, m = originKeys.length;
            Object[] k = new Object[3 + 3 * n + 2 * m];
            k[0] = n;
            k[1] = m;
            k[2] = given;
            System.arraycopy(keys, 0, k, 3, n);
            System.arraycopy(texts, 0, k, 3 + n, n);
            System.arraycopy(profileTexts, 0, k, 3 + 2 * n, n);
            System.arraycopy(originKeys, 0, k, 3 + 3 * n, m);
            System.arraycopy(origins, 0, k, 3 + 3 * n + m, m);
            return Arrays.asList(k);
        }
    }

    SpecInputs(ScenarioValues values, Map<String, String> profile) {
        this(values, profile, null);
    }

    /**
     * @param changed the keys whose values differ from those of the inputs the last spec was built from, with the
     *                same profile; null when not known
     */
    SpecInputs(ScenarioValues values, Map<String, String> profile, String[] changed) {
        this.values = values;
        this.profile = profile;
        this.changed = changed;
    }

    /**
     * Whether these inputs are known to give every key of {@code r} what the last spec's inputs gave, without
     * looking the keys up: none of them is among the changed keys.
     */
    boolean unchanged(Reads r) {
        if (changed == null) return false;
        for (String c : changed) {
            for (String k : r.keys()) if (k.equals(c)) return false;
            for (String k : r.originKeys()) if (k.equals(c)) return false;
        }
        return true;
    }

    /** Builds a part of the spec, noting what it reads; {@code done} is given the part and its reads. */
    <T> T noting(Supplier<T> build, BiConsumer<T, Reads> done) {
        Set<String> outer = read, outerOrigin = originRead;
        read = new LinkedHashSet<>();
        originRead = new LinkedHashSet<>();
        try {
            T part = build.get();
            String[] keys = read.toArray(String[]::new), originKeys = originRead.toArray(String[]::new);
            done.accept(part, reads(keys, originKeys));
            return part;
        } finally {
            read = outer;
            originRead = outerOrigin;
        }
    }

    /** Whether these inputs give every key of {@code r} what it gave then: a part built from them is the same. */
    boolean same(Reads r) {
        String[] keys = r.keys();
        for (int i = 0; i < keys.length; i++) {
            if (!Objects.equals(text(values, keys[i]), r.texts()[i])) return false;
            if (!Objects.equals(profile.get(keys[i]), r.profileTexts()[i])) return false;
        }
        for (int i = 0; i < r.originKeys().length; i++) {
            if (!Objects.equals(origin(values, r.originKeys()[i]), r.origins()[i])) return false;
        }
        return true;
    }

    /** What these inputs give the keys {@code shape} read, as {@link Reads#key}: equal when they give the same. */
    List<Object> key(Reads shape, Object given) {
        return reads(shape.keys(), shape.originKeys()).key(given);
    }

    private Reads reads(String[] keys, String[] originKeys) {
        String[] texts = new String[keys.length], profileTexts = new String[keys.length];
        String[] origins = new String[originKeys.length];
        for (int i = 0; i < keys.length; i++) {
            texts[i] = text(values, keys[i]);
            profileTexts[i] = profile.get(keys[i]);
        }
        for (int i = 0; i < originKeys.length; i++) origins[i] = origin(values, originKeys[i]);
        return new Reads(keys, texts, profileTexts, originKeys, origins);
    }

    private static String text(ScenarioValues values, String key) {
        ScenarioValues.Value v = values.value(key);
        return v == null ? null : v.text();
    }

    private static String origin(ScenarioValues values, String key) {
        ScenarioValues.Value v = values.value(key);
        return v == null ? null : v.origin();
    }

    private void read(String key) {
        if (read != null) read.add(key);
    }

    /** The user or the hypervisor profile set this key, as opposed to miglab's default. */
    boolean given(String key) {
        read(key);
        return values.has(key) || profile.containsKey(key);
    }

    /** The user set this key (not the hypervisor profile, not the default). */
    boolean givenByUser(String key) {
        read(key);
        return values.has(key);
    }

    Optional<String> origin(String key) {
        if (originRead != null) originRead.add(key);
        return values.get(key).map(ScenarioValues.Value::origin);
    }

    /** The value, or the default; fails naming the key when there is neither. */
    String text(String key) {
        read(key);
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key))).orElseGet(() -> {
            return Settings.defaultValue(key).orElseThrow(() -> new IllegalStateException("no default for " + key));
        });
    }

    Optional<String> optional(String key) {
        read(key);
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key)))
                .or(() -> Settings.defaultValue(key));
    }

    /**
     * Fails if the user gave {@code key} although it has no effect: {@code key: only with <when>}. A profile's own
     * settings are never refused: the user did not type them.
     */
    void forbid(String key, String onlyWith) {
        read(key);
        if (values.has(key)) throw new InvalidSpecException(key, "only with " + onlyWith, "'" + text(key) + "'");
    }

    String required(String key, String neededBy, String allowed) {
        read(key);
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key)))
                .orElseThrow(() -> new InvalidSpecException(key, allowed + ", required by "
                + neededBy, "nothing"));
    }
}
