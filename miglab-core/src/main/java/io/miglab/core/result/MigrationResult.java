package io.miglab.core.result;

import java.util.List;

/**
 * The figures of one migration, the same for every backend, in groups. Times are in milliseconds, sizes in bytes.
 * Writers lay it out through {@link Metrics}, flat: the JSON field names are the groups' component names and are
 * part of miglab's stable interface (see README). Further groups (storage) join as components here, with their
 * figures listed in {@link Metrics}.
 *
 * @param backend     who produced it: {@code sim}, {@code closed-form}, {@code qemu}, ...
 * @param algorithm   the algorithm's registry name
 * @param outcome     how it ended
 * @param timing      how long it and its parts took
 * @param traffic     what went over the wire
 * @param guestImpact what it cost the running guest
 * @param fate        where the guest runs now, and what failed if something did
 * @param rounds      the per-round table
 * @param stages      the stages in order (preparation, reservation, pre-copy, ...), gapless from the start to the end
 * @param assumptions what the backend assumed (closed form) or observed (QEMU notes); the closed form's are made
 *                    when first read ({@link DeferredTexts})
 * @param hostCost    what the migration cost the host's processes (real backends; {@link HostCost#none()} else)
 */
public record MigrationResult(String backend, String algorithm, Outcome outcome, Timing timing, Traffic traffic,
                              GuestImpact guestImpact, Fate fate, List<RoundStats> rounds, List<StageStats> stages,
                              List<String> assumptions, HostCost hostCost) {
    public MigrationResult {
        rounds = List.copyOf(rounds);
        stages = List.copyOf(stages);
        // texts made when first read (DeferredTexts) stay so: unmodifiable already, and copying would make them
        assumptions = assumptions instanceof DeferredTexts ? assumptions : List.copyOf(assumptions);
    }

    /** A result whose host cost was not measured. */
    public MigrationResult(String backend, String algorithm, Outcome outcome, Timing timing, Traffic traffic,
                           GuestImpact guestImpact, Fate fate, List<RoundStats> rounds, List<StageStats> stages,
                           List<String> assumptions) {
        this(backend, algorithm, outcome, timing, traffic, guestImpact, fate, rounds, stages, assumptions,
                HostCost.none());
    }

    /** A result without stages, where nothing failed (for backends that do not report stages yet, and tests). */
    public MigrationResult(String backend, String algorithm, Outcome outcome, Timing timing, Traffic traffic,
                           GuestImpact guestImpact, List<RoundStats> rounds, List<String> assumptions) {
        this(backend, algorithm, outcome, timing, traffic, guestImpact, Fate.none(outcome.completed()), rounds,
                List.of(), assumptions);
    }

    public int roundCount() {
        return rounds.size();
    }

    /** This result with its stages. */
    public MigrationResult withStages(List<StageStats> s) {
        return new MigrationResult(backend, algorithm, outcome, timing, traffic, guestImpact, fate, rounds, s,
                assumptions, hostCost);
    }

    /** This result with what became of the guest. */
    public MigrationResult withFate(Fate f) {
        return new MigrationResult(backend, algorithm, outcome, timing, traffic, guestImpact, f, rounds, stages,
                assumptions, hostCost);
    }

    /** This result with other figures, stages and assumptions (a disk moved around the memory migration). */
    public MigrationResult withFigures(Timing t, Traffic tr, GuestImpact g, List<StageStats> s, List<String> notes) {
        return new MigrationResult(backend, algorithm, outcome, t, tr, g, fate, rounds, s, notes, hostCost);
    }

    /** This result with what it cost the host. */
    public MigrationResult withHostCost(HostCost h) {
        return new MigrationResult(backend, algorithm, outcome, timing, traffic, guestImpact, fate, rounds, stages,
                assumptions, h);
    }
}
