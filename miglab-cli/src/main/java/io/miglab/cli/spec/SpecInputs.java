package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import java.util.Optional;

/** Typed access to {@link ScenarioValues}, falling back to {@link SpecDefaults}; every error names its key. */
final class SpecInputs {
    private final ScenarioValues values;

    SpecInputs(ScenarioValues values) {
        this.values = values;
    }

    /** The user gave this key (flag, scenario file or sweep point), as opposed to its default. */
    boolean given(String key) {
        return values.has(key);
    }

    Optional<String> origin(String key) {
        return values.get(key).map(ScenarioValues.Value::origin);
    }

    /** The value, or the default; fails naming the key when there is neither. */
    String text(String key) {
        return values.text(key).orElseGet(() -> {
            String d = SpecDefaults.VALUES.get(key);
            if (d == null) throw new IllegalStateException("no default for " + key);
            return d;
        });
    }

    Optional<String> optional(String key) {
        return values.text(key).or(() -> Optional.ofNullable(SpecDefaults.VALUES.get(key)));
    }

    /** Fails if the user gave {@code key} although it has no effect: {@code key: only with <when>}. */
    void forbid(String key, String onlyWith) {
        if (given(key)) throw new InvalidSpecException(key, "only with " + onlyWith, "'" + text(key) + "'");
    }

    String required(String key, String neededBy, String allowed) {
        return values.text(key).orElseThrow(() -> new InvalidSpecException(key, allowed + ", required by "
                + neededBy, "nothing"));
    }
}
