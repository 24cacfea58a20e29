package io.miglab.core.result;

import java.util.List;

/**
 * The figures of one migration, the same for every backend, in groups. Times are in milliseconds, sizes in bytes.
 * Writers lay it out through {@link Metrics}, flat: the JSON field names are the groups' component names and are
 * part of miglab's stable interface (see README). Further groups (per-stage timing, storage) join as components
 * here, with their figures listed in {@link Metrics}.
 *
 * @param backend     who produced it: {@code sim}, {@code closed-form}, {@code qemu}, ...
 * @param algorithm   the algorithm's registry name
 * @param outcome     how it ended
 * @param timing      how long it and its parts took
 * @param traffic     what went over the wire
 * @param guestImpact what it cost the running guest
 * @param rounds      the per-round table
 * @param assumptions what the backend assumed (closed form) or observed (QEMU notes)
 */
public record MigrationResult(String backend, String algorithm, Outcome outcome, Timing timing, Traffic traffic,
                              GuestImpact guestImpact, List<RoundStats> rounds, List<String> assumptions) {
    public MigrationResult {
        rounds = List.copyOf(rounds);
        assumptions = List.copyOf(assumptions);
    }

    public int roundCount() {
        return rounds.size();
    }
}
