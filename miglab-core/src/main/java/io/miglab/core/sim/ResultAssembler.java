package io.miglab.core.sim;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.MigrationSpec;
import java.util.List;

/** Computes a {@link MigrationResult} from a session's events and ledger, the one place metrics are defined. */
final class ResultAssembler {
    private ResultAssembler() { }

    static MigrationResult assemble(String backend, MigrationSpec spec, List<MigrationEvent> events,
                                    List<RoundStats> rounds, TransferLedger ledger) {
        double firstPage = 0, paused = Double.NaN, loading = Double.NaN, resumed = Double.NaN, end = 0;
        StopReason reason = StopReason.FAILED;
        boolean completed = false;
        for (MigrationEvent e : events) {
            if (e instanceof MigrationEvent.FirstPageSent f) firstPage = f.atSeconds();
            else if (e instanceof MigrationEvent.GuestPaused p) paused = p.atSeconds();
            else if (e instanceof MigrationEvent.DestinationLoading l) loading = l.atSeconds();
            else if (e instanceof MigrationEvent.GuestResumedOnDestination r) resumed = r.atSeconds();
            else if (e instanceof MigrationEvent.Finished f) {
                end = f.atSeconds();
                reason = f.reason();
                completed = f.completed();
            }
        }
        double downtime = Double.isNaN(paused) || Double.isNaN(resumed) ? 0 : resumed - paused;
        double resume = Double.isNaN(loading) || Double.isNaN(resumed) ? 0 : resumed - loading;
        double precopy = rounds.stream().mapToDouble(RoundStats::durationMs).sum();
        double slowdown = ledger.guestRunSeconds > 0 ? 100 * ledger.guestLostSeconds / ledger.guestRunSeconds : 0;
        return new MigrationResult(backend, spec.algorithm(), Outcome.of(reason, completed),
                new Timing(firstPage * 1000, downtime * 1000, resume * 1000, end * 1000, precopy),
                new Traffic(ledger.bytes(), ledger.pages, ledger.resent, ledger.zeroPages,
                        ledger.bytesByPhase[Phase.PRECOPY.ordinal()],
                        ledger.bytesByPhase[Phase.STOP_AND_COPY.ordinal()],
                        ledger.bytesByPhase[Phase.POSTCOPY.ordinal()]),
                new GuestImpact(ledger.faults, slowdown, ledger.maxThrottlePercent), rounds, List.of());
    }
}
