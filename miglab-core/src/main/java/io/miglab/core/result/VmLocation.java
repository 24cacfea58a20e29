package io.miglab.core.result;

/** Where the guest runs once the migration is over. */
public enum VmLocation {
    /** Still (or again) on the source: the migration was refused, cancelled or failed before commit. */
    SOURCE,
    /** On the destination: the migration completed (or recovered). */
    DESTINATION,
    /** Nowhere: the source crashed before commit, or a side crashed during post-copy after activation. */
    LOST
}
