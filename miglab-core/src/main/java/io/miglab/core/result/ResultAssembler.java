package io.miglab.core.result;

import java.util.List;

/**
 * The one place a migration's metrics are computed: from a {@link Timeline} to a {@link MigrationResult}. Times
 * come from the events (preparation: start to first page; downtime: pause to resume on the destination; resume
 * time: destination loading to resume; total: start to finish), pre-copy time from the rounds, the rest from the
 * counters (rounded to whole bytes, pages and faults).
 */
public final class ResultAssembler {
    private ResultAssembler() { }

    public static MigrationResult assemble(String backend, String algorithm, Timeline t, List<String> assumptions) {
        double firstPage = 0, paused = Double.NaN, loading = Double.NaN, resumed = Double.NaN, end = 0;
        StopReason reason = StopReason.FAILED;
        boolean completed = false;
        for (Timeline.Event e : t.events()) {
            if (e instanceof Timeline.FirstPageSent f) firstPage = f.atSeconds();
            else if (e instanceof Timeline.GuestPaused p) paused = p.atSeconds();
            else if (e instanceof Timeline.DestinationLoading l) loading = l.atSeconds();
            else if (e instanceof Timeline.GuestResumedOnDestination r) resumed = r.atSeconds();
            else if (e instanceof Timeline.Finished f) {
                end = f.atSeconds();
                reason = f.reason();
                completed = f.completed();
            }
        }
        double downtime = Double.isNaN(paused) || Double.isNaN(resumed) ? 0 : resumed - paused;
        double resume = Double.isNaN(loading) || Double.isNaN(resumed) ? 0 : resumed - loading;
        List<RoundStats> rounds = t.rounds();
        double precopy = rounds.stream().mapToDouble(RoundStats::durationMs).sum();
        double slowdown = t.guestRunSeconds() > 0 ? 100 * t.guestLostSeconds() / t.guestRunSeconds() : 0;
        long pre = Math.round(t.bytes(Timeline.Phase.PRECOPY));
        long stop = Math.round(t.bytes(Timeline.Phase.STOP_AND_COPY));
        long post = Math.round(t.bytes(Timeline.Phase.POSTCOPY));
        long nasIn = Math.round(t.bytes(Timeline.Route.SOURCE_TO_NAS));
        long nasOut = Math.round(t.bytes(Timeline.Route.NAS_TO_DESTINATION));
        return new MigrationResult(backend, algorithm, Outcome.of(reason, completed),
                new Timing(firstPage * 1000, downtime * 1000, resume * 1000, end * 1000, precopy),
                new Traffic(pre + stop + post, Math.round(t.pages()), Math.round(t.resent()),
                        Math.round(t.zeroPages()), pre, stop, post, pre + stop + post - nasIn - nasOut, nasIn, nasOut,
                        0),
                new GuestImpact(Math.round(t.faults()), slowdown, t.maxThrottlePercent()), rounds, assumptions);
    }
}
