package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import java.time.Duration;

/**
 * One clause of a pre-copy termination policy. Convergence clauses end pre-copy because the rest is small
 * enough; limit clauses end it because it is taking too long or sending too much.
 */
public sealed interface StopCondition {
    /**
     * Converged: the pages still dirty can be sent within the downtime limit at the bandwidth measured in the
     * last round (QEMU, migration/migration.c: pending_size <= threshold_size = bandwidth * downtime_limit).
     *
     * @param checkedMidPass evaluate as pages are sent, not only at the end of a pass: QEMU's
     *                       migration_iteration_run compares the unsent rest of the current pass with the threshold
     *                       on every iteration, syncs the dirty log when it fits, and switches over if it still fits;
     *                       so the tail of a pass goes into the downtime. Off: the classic per-round check.
     */
    record DowntimeBelow(Duration limit, boolean checkedMidPass) implements StopCondition {
        public DowntimeBelow {
            InvalidSpecException.require(limit != null && !limit.isNegative() && !limit.isZero(), "downtime-limit",
                    "a duration > 0", limit);
        }

        /** Checked at the end of each round, as in the classic pre-copy models. */
        public DowntimeBelow(Duration limit) {
            this(limit, false);
        }
    }

    /** Converged: fewer than {@code pages} pages are dirty (Xen: 50). */
    record FewDirtyPages(long pages) implements StopCondition {
        public FewDirtyPages {
            InvalidSpecException.require(pages >= 1, "min-dirty-pages",
                    "a page count >= 1 (fewer than 0 dirty pages never happens)", pages);
        }
    }

    /** Limit: at most this many rounds after the first full pass (Xen: 30). */
    record MaxRounds(int rounds) implements StopCondition {
        public MaxRounds {
            InvalidSpecException.require(rounds >= 1 && rounds <= 100_000, "max-rounds", "1 to 100000", rounds);
        }
    }

    /** Limit: at most {@code factor} times the memory size sent in all (Xen: 3). */
    record MaxData(double factor) implements StopCondition {
        public MaxData {
            InvalidSpecException.require(factor >= 1 && factor <= 1000, "max-data", "a factor of memory from 1 to 1000",
                    factor);
        }
    }

    /** Limit: the migration may last at most this long. */
    record Timeout(Duration after) implements StopCondition {
        public Timeout {
            InvalidSpecException.require(after != null && !after.isNegative() && !after.isZero(), "timeout",
                    "a duration > 0", after);
        }
    }

    default boolean isLimit() {
        return this instanceof MaxRounds || this instanceof MaxData || this instanceof Timeout;
    }
}
