package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import java.util.Objects;

/**
 * What an algorithm decides at a decision point; every engine (page-level session, rate-based migration, closed
 * form, QEMU driver) carries each of these out in its own terms.
 */
public sealed interface Action {
    /** Send (another) pre-copy round while the guest runs on the source. */
    record PrecopyRound() implements Action { }

    /** Pause the guest, send what is still dirty and the device state, resume on the destination. */
    record StopAndCopy(StopReason reason) implements Action {
        public StopAndCopy { Objects.requireNonNull(reason, "reason"); }
    }

    /** Pause, send the device state, resume on the destination and push the rest while the guest runs there. */
    record SwitchToPostCopy(StopReason reason) implements Action {
        public SwitchToPostCopy { Objects.requireNonNull(reason, "reason"); }
    }

    /** Give up: the guest keeps running on the source. */
    record Cancel(StopReason reason) implements Action {
        public Cancel { Objects.requireNonNull(reason, "reason"); }
    }

    Action PRECOPY_ROUND = new PrecopyRound();
}
