package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    /** While a part of the spec is built: the keys it read, and those whose origin it read; null otherwise. */
    private Set<String> read, originRead;

    /**
     * What a part of the spec read: each key's text (the user's and the profile's; absent ones as null) and, for the
     * keys whose origin it asked, the origin.
     */
    record Reads(Map<String, String> texts, Map<String, String> profileTexts, Map<String, String> origins) { }

    SpecInputs(ScenarioValues values, Map<String, String> profile) {
        this.values = values;
        this.profile = profile;
    }

    /** Builds a part of the spec, noting what it reads; {@code done} is given the part and its reads. */
    <T> T noting(Supplier<T> build, BiConsumer<T, Reads> done) {
        Set<String> outer = read, outerOrigin = originRead;
        read = new LinkedHashSet<>();
        originRead = new LinkedHashSet<>();
        try {
            T part = build.get();
            Map<String, String> texts = new LinkedHashMap<>(), profileTexts = new LinkedHashMap<>(),
                    origins = new LinkedHashMap<>();
            for (String k : read) {
                texts.put(k, values.text(k).orElse(null));
                profileTexts.put(k, profile.get(k));
            }
            for (String k : originRead) origins.put(k, values.get(k).map(ScenarioValues.Value::origin).orElse(null));
            done.accept(part, new Reads(texts, profileTexts, origins));
            return part;
        } finally {
            read = outer;
            originRead = outerOrigin;
        }
    }

    /** Whether these inputs give every key of {@code r} what it gave then: a part built from them is the same. */
    boolean same(Reads r) {
        for (Map.Entry<String, String> e : r.texts().entrySet()) {
            if (!Objects.equals(values.text(e.getKey()).orElse(null), e.getValue())) return false;
            if (!Objects.equals(profile.get(e.getKey()), r.profileTexts().get(e.getKey()))) return false;
        }
        for (Map.Entry<String, String> e : r.origins().entrySet()) {
            if (!Objects.equals(values.get(e.getKey()).map(ScenarioValues.Value::origin).orElse(null), e.getValue())) {
                return false;
            }
        }
        return true;
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
