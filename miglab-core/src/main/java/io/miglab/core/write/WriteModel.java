package io.miglab.core.write;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;

/**
 * How a guest dirties its memory. Each model is a definition (a record); {@link #start} makes a seeded process
 * that emits the pages written over guest time. The same definition drives the page-level simulator (page sets),
 * the rate-based models and the closed form ({@link #expectedDistinctPages}), and the real guest's writer program.
 */
public sealed interface WriteModel
        permits NoWrites, UniformWrites, WorkingSetWrites, SweepWrites, TraceWrites, CombinedWrites, PacedWrites {

    /**
     * A deterministic writer over {@code memory}, its region (if it has one) where the memory's
     * {@link MemoryLayout} puts it.
     */
    WriteProcess start(GuestMemory memory, long seed);

    /** Page writes per second of guest time (not distinct pages). */
    double pagesPerSecond();

    /** Expected number of distinct pages written in {@code seconds} of guest time, for a guest of {@code pages}. */
    double expectedDistinctPages(double seconds, int pages);

    /**
     * The share of wall time the guest's writer gets under an auto-converge throttle of {@code throttlePercent}:
     * a CPU-bound writer loses what the throttle takes; a writer paced by the clock overrides this.
     */
    default double runningShare(int throttlePercent) {
        return 1 - throttlePercent / 100.0;
    }

    /**
     * One range {@code [from, to)} of pages that holds every page this model can ever write in {@code memory}, its
     * region where the memory's {@link MemoryLayout} puts it (a hull: it may hold pages never written). Post-copy
     * stops running the writer once no page of it is missing on the destination, since no write can fault any more.
     */
    default int[] writableRange(GuestMemory memory) {
        return new int[] {0, memory.pages()};
    }

    /**
     * Whether where the writer stands when the migration starts is unknown ({@link SweepWrites#phase}): the
     * page-level simulator then gives the median run over {@link SweepWrites#MEDIAN_PHASES} phases.
     */
    default boolean phaseUnknown() {
        return false;
    }

    /** This model with its writer starting {@code share} of the way through its cycle; unchanged if it has none. */
    default WriteModel atPhase(double share) {
        return this;
    }

    /** A short description for tables, e.g. {@code uniform 5000 pages/s}. */
    String describe();
}
