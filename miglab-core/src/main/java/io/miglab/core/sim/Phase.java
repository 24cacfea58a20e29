package io.miglab.core.sim;

/** Where the guest runs while bytes are sent. */
public enum Phase {
    /** Guest running on the source, pages copied ahead of the switch-over. */
    PRECOPY,
    /** Guest paused: the switch-over. */
    STOP_AND_COPY,
    /** Guest running on the destination, pages pulled on demand or pushed in the background. */
    POSTCOPY
}
