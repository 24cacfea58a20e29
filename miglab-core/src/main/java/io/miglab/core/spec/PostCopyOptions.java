package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;
import java.util.Optional;

/**
 * Post-copy and hybrid settings.
 *
 * @param precopyRounds  hybrid only: pre-copy rounds before switching to post-copy (round 0 is the full pass)
 * @param switchAfter    hybrid only: switch once this much time has passed, in the middle of a pass if need be
 *                       (QEMU's migration thread checks its start-postcopy flag on every iteration:
 *                       migration/migration.c, migration_iteration_run), if that comes before the rounds
 * @param prepagingPages on a fault, also push up to this many following pages first (0: demand paging only)
 * @param preempt        QEMU's postcopy-preempt: a demand page goes on a channel of its own, beside the background
 *                       push and outside its cap, and the push goes on where it was; without it a demand page
 *                       queues in the push's own stream, and the push continues after it (migration/ram.c,
 *                       get_queued_page)
 */
public record PostCopyOptions(int precopyRounds, Optional<Duration> switchAfter, int prepagingPages,
                              boolean preempt) {
    public PostCopyOptions {
        InvalidSpecException.require(precopyRounds >= 1 && precopyRounds <= 100_000, "precopy-rounds", "1 to 100000",
                precopyRounds);
        switchAfter = switchAfter == null ? Optional.empty() : switchAfter;
        InvalidSpecException.require(prepagingPages >= 0 && prepagingPages <= 65_536, "prepaging", "0 to 65536 pages",
                prepagingPages);
    }

    /** Without postcopy-preempt (QEMU's default). */
    public PostCopyOptions(int precopyRounds, Optional<Duration> switchAfter, int prepagingPages) {
        this(precopyRounds, switchAfter, prepagingPages, false);
    }

    public static PostCopyOptions defaults() {
        return new PostCopyOptions(1, Optional.empty(), 0, false);
    }

    public PostCopyOptions withPreempt(boolean on) {
        return new PostCopyOptions(precopyRounds, switchAfter, prepagingPages, on);
    }

    /** Seconds from the start after which a hybrid switches, or infinity. */
    public double switchAfterSeconds() {
        return switchAfter.map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
    }
}
