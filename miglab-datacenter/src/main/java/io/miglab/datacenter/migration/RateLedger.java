package io.miglab.datacenter.migration;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.MigrationSpec;
import java.util.List;

/** Running totals of one rate-based migration (expected values, so doubles) and the result built from them. */
final class RateLedger {
    double pages;
    double resent;
    double zeroPages;
    double faults;
    double precopyBytes;
    double stopCopyBytes;
    double postcopyBytes;
    double guestRunSeconds;
    double guestLostSeconds;
    int maxThrottlePercent;
    double firstPageAt;
    double pausedAt = Double.NaN;
    double loadingAt = Double.NaN;
    double resumedAt = Double.NaN;
    double endAt;

    double bytes() { return precopyBytes + stopCopyBytes + postcopyBytes; }

    /** The same definitions as the page-level simulator's ResultAssembler. */
    MigrationResult assemble(String backend, MigrationSpec spec, StopReason reason, boolean completed,
                             List<RoundStats> rounds) {
        double downtime = Double.isNaN(pausedAt) || Double.isNaN(resumedAt) ? 0 : resumedAt - pausedAt;
        double resume = Double.isNaN(loadingAt) || Double.isNaN(resumedAt) ? 0 : resumedAt - loadingAt;
        double precopy = rounds.stream().mapToDouble(RoundStats::durationMs).sum();
        double slowdown = guestRunSeconds > 0 ? 100 * guestLostSeconds / guestRunSeconds : 0;
        return new MigrationResult(backend, spec.algorithm(), Outcome.of(reason, completed),
                new Timing(firstPageAt * 1000, downtime * 1000, resume * 1000, endAt * 1000, precopy),
                new Traffic(Math.round(precopyBytes) + Math.round(stopCopyBytes) + Math.round(postcopyBytes),
                        Math.round(pages), Math.round(resent), Math.round(zeroPages), Math.round(precopyBytes),
                        Math.round(stopCopyBytes), Math.round(postcopyBytes)),
                new GuestImpact(Math.round(faults), slowdown, maxThrottlePercent), rounds,
                List.of("rate-based: dirtied pages per round = expectedDistinctPages(round guest seconds)"));
    }
}
