package io.miglab.bench.store;

import java.util.Locale;

/** The life of a run in the results store. */
public enum RunStatus {
    /** Written first, in its own transaction, when the run starts. */
    RUNNING,
    /** Every step done; results and scores stored in one transaction with this status. */
    COMPLETE,
    /** Cancelled, failed, or killed: a cancel or a failure stores what was measured (no scores); a run whose
     * process died is found {@code running} at the next open and marked incomplete then. */
    INCOMPLETE;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static RunStatus parse(String s) { return valueOf(s.toUpperCase(Locale.ROOT)); }
}
