package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to {@link ScenarioValues}, falling back to the hypervisor profile's settings ({@code --hypervisor})
 * and then to the defaults of {@link Settings}; every error names its key.
 */
final class SpecInputs {
    private final ScenarioValues values;
    private final Map<String, String> profile;

    SpecInputs(ScenarioValues values, Map<String, String> profile) {
        this.values = values;
        this.profile = profile;
    }

    /** The user or the hypervisor profile set this key, as opposed to miglab's default. */
    boolean given(String key) {
        return values.has(key) || profile.containsKey(key);
    }

    /** The user set this key (not the hypervisor profile, not the default). */
    boolean givenByUser(String key) {
        return values.has(key);
    }

    Optional<String> origin(String key) {
        return values.get(key).map(ScenarioValues.Value::origin);
    }

    /** The value, or the default; fails naming the key when there is neither. */
    String text(String key) {
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key))).orElseGet(() -> {
            return Settings.defaultValue(key).orElseThrow(() -> new IllegalStateException("no default for " + key));
        });
    }

    Optional<String> optional(String key) {
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key)))
                .or(() -> Settings.defaultValue(key));
    }

    /**
     * Fails if the user gave {@code key} although it has no effect: {@code key: only with <when>}. A profile's own
     * settings are never refused: the user did not type them.
     */
    void forbid(String key, String onlyWith) {
        if (values.has(key)) throw new InvalidSpecException(key, "only with " + onlyWith, "'" + text(key) + "'");
    }

    String required(String key, String neededBy, String allowed) {
        return values.text(key).or(() -> Optional.ofNullable(profile.get(key)))
                .orElseThrow(() -> new InvalidSpecException(key, allowed + ", required by "
                + neededBy, "nothing"));
    }
}
