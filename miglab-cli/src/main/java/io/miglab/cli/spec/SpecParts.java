package io.miglab.cli.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The parts of the specs a {@link SpecFactory} built (memory, link, write model, policy, ...), each with the
 * settings it read, so that the next spec reuses every part whose settings are the same and builds only the
 * others. A sweep's points and a batch's lines differ in one or two settings, and parsing and checking every
 * setting from text again cost more than a closed-form prediction. A part is a function of the settings it reads
 * and of the parts it is given, so a reused part is the one building it again would give (a part that failed is
 * not kept: the same settings fail again, with the same message).
 *
 * <p>Not only the last spec's parts are kept: a grid's inner axis comes back to the same values at every step of
 * the outer one (10 bandwidths under 1,000 dirty rates build 10 links, not 10,000), and a batch's lines cycle
 * through a few. Each part keeps up to {@link #KEPT} versions, found by the texts of the settings they read.
 */
final class SpecParts {
    /** Versions kept of each part; all are dropped when full, so a long run of distinct settings stays bounded. */
    static final int KEPT = 1024;

    private record Kept(Object given, SpecInputs.Reads reads, Object part) { }

    /** The versions of one part: the last one used, and every kept one by what it read. */
    private static final class Versions {
        Kept last;
        /** One {@code Reads} per distinct list of keys read: what a lookup asks the inputs for. */
        final List<SpecInputs.Reads> shapes = new ArrayList<>();
        final Map<List<Object>, Kept> byInputs = new HashMap<>();
    }

    private final Map<String, Versions> parts = new HashMap<>();

    /**
     * The part {@code name} for {@code in}: a kept one whose settings {@code in} gives the same texts and whose
     * {@code given} (the parts it was built from) is the same, otherwise {@code build}'s, kept for next time.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> T of(String name, SpecInputs in, Object given, Supplier<T> build) {
        Versions v = parts.computeIfAbsent(name, n -> new Versions());
        Kept k = v.last;
        // the last version is the last spec's: it holds when nothing it read changed since (a sweep's point
        // differs from the one before in one or two keys), else when what it read gives the same texts
        if (k == null || !Objects.equals(k.given(), given) || !in.unchanged(k.reads()) && !in.same(k.reads())) {
            k = null;
            for (int i = 0; i < v.shapes.size() && k == null; i++) k = v.byInputs.get(in.key(v.shapes.get(i), given));
        }
        if (k == null) return in.noting(build, (part, reads) -> keep(v, new Kept(given, reads, part)));
        v.last = k;
        return (T) k.part();
    }

    private static void keep(Versions v, Kept k) {
        if (v.byInputs.size() >= KEPT) {
            v.byInputs.clear();
            v.shapes.clear();
        }
        if (v.shapes.stream().noneMatch(s -> s.sameKeys(k.reads()))) v.shapes.add(k.reads());
        v.byInputs.put(k.reads().key(k.given()), k);
        v.last = k;
    }
}
