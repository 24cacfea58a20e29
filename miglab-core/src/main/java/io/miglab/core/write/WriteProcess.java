package io.miglab.core.write;

/**
 * A running writer: one seeded, deterministic instance of a {@link WriteModel} for one guest.
 * Calls cover consecutive intervals of guest time (the time the guest's vCPU actually ran, so throttling and
 * post-copy faults slow the writer down as they slow the real guest).
 */
public interface WriteProcess {
    /** Emits every page written in guest time [{@code fromSeconds}, {@code toSeconds}). */
    void write(double fromSeconds, double toSeconds, PageSink sink);
}
