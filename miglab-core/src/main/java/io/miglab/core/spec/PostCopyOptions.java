package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;
import java.util.Optional;

/**
 * Post-copy and hybrid settings.
 *
 * @param precopyRounds  hybrid only: pre-copy rounds before switching to post-copy (round 0 is the full pass)
 * @param switchAfter    hybrid only: switch at the first round end after this much time, if that comes sooner
 * @param prepagingPages on a fault, also push up to this many following pages first (0: demand paging only)
 */
public record PostCopyOptions(int precopyRounds, Optional<Duration> switchAfter, int prepagingPages) {
    public PostCopyOptions {
        InvalidSpecException.require(precopyRounds >= 1 && precopyRounds <= 100_000, "precopy-rounds", "1 to 100000",
                precopyRounds);
        switchAfter = switchAfter == null ? Optional.empty() : switchAfter;
        InvalidSpecException.require(prepagingPages >= 0 && prepagingPages <= 65_536, "prepaging", "0 to 65536 pages",
                prepagingPages);
    }

    public static PostCopyOptions defaults() {
        return new PostCopyOptions(1, Optional.empty(), 0);
    }
}
