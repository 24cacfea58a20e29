package io.miglab.core.result;

import java.util.List;

/**
 * The one place a migration's metrics are computed: from a {@link Timeline} to a {@link MigrationResult}. The stages
 * come from the timeline's {@link StageLog}, and the times are views of them ({@link #timing}): preparation is
 * preparation plus reservation, downtime runs from the pause (stop-and-copy's start) to the guest running on the
 * destination (activation's end), resume time is activation; total from the start to the end. Pre-copy time comes
 * from the rounds, the rest from the counters (rounded to whole bytes, pages and faults).
 */
public final class ResultAssembler {
    private ResultAssembler() { }

    public static MigrationResult assemble(String backend, String algorithm, Timeline t, List<String> assumptions) {
        double end = 0;
        StopReason reason = StopReason.FAILED;
        boolean completed = false;
        for (Timeline.Event e : t.events()) {
            if (e instanceof Timeline.Finished f) {
                end = f.atSeconds();
                reason = f.reason();
                completed = f.completed();
            }
        }
        List<StageStats> stages = t.stageLog().stages(end);
        List<RoundStats> rounds = t.rounds();
        double precopy = rounds.stream().mapToDouble(RoundStats::durationMs).sum();
        double slowdown = t.guestRunSeconds() > 0 ? 100 * t.guestLostSeconds() / t.guestRunSeconds() : 0;
        long pre = Math.round(t.bytes(Timeline.Phase.PRECOPY));
        long stop = Math.round(t.bytes(Timeline.Phase.STOP_AND_COPY));
        long post = Math.round(t.bytes(Timeline.Phase.POSTCOPY));
        long nasIn = Math.round(t.bytes(Timeline.Route.SOURCE_TO_NAS));
        long nasOut = Math.round(t.bytes(Timeline.Route.NAS_TO_DESTINATION));
        Fate fate = t.fateOrNull() != null ? t.fateOrNull() : Fate.none(completed);
        return new MigrationResult(backend, algorithm, Outcome.of(reason, completed),
                withPause(timing(t.stageLog(), end, precopy, fate.vmRunsOn()), t.pausedAfterResumeSeconds()),
                new Traffic(pre + stop + post, Math.round(t.pages()), Math.round(t.resent()),
                        Math.round(t.zeroPages()), pre, stop, post, pre + stop + post - nasIn - nasOut, nasIn, nasOut,
                        0),
                new GuestImpact(Math.round(t.faults()), slowdown, t.maxThrottlePercent()), fate, rounds, stages,
                assumptions);
    }

    /**
     * The times every backend reports, as views of its stages: preparation (to the end of reservation), downtime
     * (from stop-and-copy's start to activation's end, when the guest ran on neither side), resume (activation).
     * Computed in seconds from the stages' boundaries, then in milliseconds.
     */
    public static Timing timing(StageLog log, double endSeconds, double precopyMs) {
        return timing(log, endSeconds, precopyMs, VmLocation.DESTINATION);
    }

    /**
     * As {@link #timing(StageLog, double, double)}; a guest that a failure sent back to the source after the pause
     * ran nowhere from stop-and-copy's start until the source resumed it at the end. A lost guest has no downtime
     * figure (it never runs again): 0, with {@code vmRunsOn} LOST.
     */
    public static Timing timing(StageLog log, double endSeconds, double precopyMs, VmLocation vm) {
        if (vm == VmLocation.SOURCE && log.reached(Stage.STOP_AND_COPY)) {
            double down = endSeconds - log.startSeconds(Stage.STOP_AND_COPY);
            return new Timing(preparationSeconds(log, endSeconds) * 1000, down * 1000, 0, endSeconds * 1000,
                    precopyMs);
        }
        if (vm == VmLocation.LOST) {
            // in post-copy the guest ran on the destination (and was announced) before it was lost
            boolean announced = log.reached(Stage.ACTIVATION) && log.reached(Stage.POSTCOPY)
                    && log.startSeconds(Stage.POSTCOPY) >= log.startSeconds(Stage.ACTIVATION);
            return announced(new Timing(preparationSeconds(log, endSeconds) * 1000, 0, 0, endSeconds * 1000,
                    precopyMs), log, announced ? log.endSeconds(Stage.ACTIVATION, endSeconds) : -1);
        }
        double preparation = preparationSeconds(log, endSeconds);
        boolean resumed = log.reached(Stage.STOP_AND_COPY) && log.reached(Stage.ACTIVATION);
        double down = resumed ? log.endSeconds(Stage.ACTIVATION, endSeconds) - log.startSeconds(Stage.STOP_AND_COPY)
                : 0;
        double resume = resumed ? log.endSeconds(Stage.ACTIVATION, endSeconds) - log.startSeconds(Stage.ACTIVATION)
                : 0;
        return announced(new Timing(preparation * 1000, down * 1000, resume * 1000, endSeconds * 1000, precopyMs),
                log, resumed ? log.endSeconds(Stage.ACTIVATION, endSeconds) : -1);
    }

    /**
     * With the log's announce rounds when the guest started on the destination at {@code activatedSeconds}
     * (negative: it never did); the rounds follow activation's end.
     */
    public static Timing announced(Timing t, StageLog log, double activatedSeconds) {
        if (activatedSeconds < 0 || log.announceRounds() == 0) return t;
        return t.withAnnounce(log.announceRounds(), (activatedSeconds + log.lastAnnounceAfterSeconds()) * 1000);
    }

    /** Post-copy: the guest's pause goes on after its resume while it waits for demand pages. */
    private static Timing withPause(Timing t, double pausedSeconds) {
        if (pausedSeconds <= 0) return t;
        return new Timing(t.preparationTimeMs(), t.downtimeMs() + pausedSeconds * 1000, t.resumeTimeMs(),
                t.totalTimeMs(), t.precopyTimeMs(), t.storageTimeMs());
    }

    private static double preparationSeconds(StageLog log, double endSeconds) {
        return log.reached(Stage.RESERVATION) ? log.endSeconds(Stage.RESERVATION, endSeconds)
                : log.reached(Stage.PREPARATION) ? log.endSeconds(Stage.PREPARATION, endSeconds) : 0;
    }
}
