package io.miglab.cli.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The parts of the last spec a {@link SpecFactory} built (memory, link, write model, policy, ...), each with the
 * settings it read, so that the next spec reuses every part whose settings are the same and builds only the
 * others. A sweep's points and a batch's lines differ in one or two settings, and parsing and checking every
 * setting from text again cost more than a closed-form prediction. A part is a function of the settings it reads
 * and of the parts it is given, so a reused part is the one building it again would give (a part that failed is
 * not kept: the same settings fail again, with the same message).
 */
final class SpecParts {
    private record Kept(Object given, SpecInputs.Reads reads, Object part) { }

    private final Map<String, Kept> kept = new HashMap<>();

    /**
     * The part {@code name} for {@code in}: the kept one when {@code in} gives the settings it read the same texts and
     * {@code given} (the parts it was built from) is the same, otherwise {@code build}'s, kept for next time.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> T of(String name, SpecInputs in, Object given, Supplier<T> build) {
        Kept k = kept.get(name);
        if (k != null && Objects.equals(k.given(), given) && in.same(k.reads())) return (T) k.part();
        return in.noting(build, (part, reads) -> kept.put(name, new Kept(given, reads, part)));
    }
}
