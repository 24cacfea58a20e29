package io.miglab.qemu.migrate;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.qmp.QmpEvent;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * QEMU's figures in miglab's common result. From the source's last {@code query-migrate}: total-time, downtime,
 * setup-time, and under {@code ram}: transferred, duplicate (zero pages), normal, precopy-bytes, downtime-bytes,
 * postcopy-bytes, postcopy-requests. Rounds and the throttle come from the whole time series.
 */
final class ResultMapper {
    static final double PAGE_WIRE_BYTES = QemuMigrationPlan.PAGE_SIZE + 8;
    private final MigrationSpec spec;
    private final QemuMigrationPlan plan;
    private final List<MigrationSample> series;
    private final List<QmpEvent> events;
    private final long startWallMicros;
    private final List<String> notes;
    private long pausedNanos, migrateNanos, resumedNanos;

    ResultMapper(MigrationSpec spec, QemuMigrationPlan plan, List<MigrationSample> series, List<QmpEvent> events,
                 long startWallMicros, List<String> notes) {
        this.spec = spec;
        this.plan = plan;
        this.series = series;
        this.events = events;
        this.startWallMicros = startWallMicros;
        this.notes = notes;
    }

    /**
     * The guest was paused at {@code pausedNanos} before {@code migrate} was sent at {@code migrateNanos}
     * (stop-and-copy) and resumed on the destination at {@code resumedNanos} (0: it was not); 0, 0, 0: not paused.
     */
    ResultMapper pausedBeforeMigrate(long pausedNanos, long migrateNanos, long resumedNanos) {
        this.pausedNanos = pausedNanos;
        this.migrateNanos = migrateNanos;
        this.resumedNanos = resumedNanos;
        return this;
    }

    MigrationResult map(MigrationDriver.Ending ending, StopReason reason, Optional<HeartbeatAnalysis> heartbeat,
                        Optional<MemoryComparator.Difference> memory, QemuProcess source, String sourceState) {
        MigrationSample last = series.get(series.size() - 1);
        MigrationSample ram = lastWithRam();
        boolean completed = ending == MigrationDriver.Ending.COMPLETED;
        double total = last.totalTimeMs() >= 0 ? last.totalTimeMs() : last.elapsedMs();
        double setup = Math.max(0, ram.setupTimeMs() >= 0 ? ram.setupTimeMs() : last.setupTimeMs());
        double downtime = completed ? Math.max(0, last.downtimeMs()) : 0;
        boolean paused = pausedNanos != 0;
        if (paused) {
            // stop-and-copy: the guest ran nowhere from the pause to the cont on the destination; QEMU's own
            // downtime counts only its final device-state phase, and its total-time starts at migrate
            total += (migrateNanos - pausedNanos) / 1e6;
            if (completed && resumedNanos > 0) downtime = (resumedNanos - pausedNanos) / 1e6;
            total = Math.max(total, downtime);
            notes.add(String.format(Locale.ROOT, "stop-and-copy: guest paused (QMP stop) %.1f ms before migrate%s",
                    (migrateNanos - pausedNanos) / 1e6, completed ? ", resumed on the destination (cont) after "
                            + "completion: downtime = pause to resume" : ", resumed on the source (cont)"));
        }
        double switchMs = switchOverMs(completed, total, downtime);
        long pagesTotal = ram.total() > 0 ? ram.total() / QemuMigrationPlan.PAGE_SIZE : 0;
        long pages = ram.pagesSent();

        long syncsAtEnd = syncsAtEndOfPrecopy();
        boolean finalSync = completed || postcopyEntered();
        int roundCount = paused ? 0 : RoundExtractor.precopyRounds(syncsAtEnd, finalSync);
        long precopyBytes = Math.max(0, ram.precopyBytes());
        List<RoundStats> rounds = new RoundExtractor(series, events, startWallMicros)
                .rounds(roundCount, finalSync ? precopyBytes : -1);

        List<String> assumptions = new ArrayList<>();
        assumptions.add("QEMU " + source.qmp().qemuVersion() + ", accel " + source.accel().qemuName()
                + ", guest " + plan.guest().kernelCommandLine().replace("console=ttyS0 quiet panic=-1 no_timer_check ", ""));
        heartbeat.ifPresent(h -> assumptions.add(String.format(Locale.ROOT,
                "heartbeat: last on source HB %d, first on destination HB %d (%s), host gap %.1f ms%s",
                h.lastSourceCounter(), h.firstDestinationCounter(),
                h.counterContinued() ? "counter continued" : "counter did NOT continue", h.switchGapMs(),
                h.lineSplit() ? ", line split across the switch-over" : "")));
        memory.ifPresent(m -> assumptions.add("memory check: " + m.differingPages() + " of " + m.pagesCompared()
                + " pages differ" + (m.firstDifferingPages().isEmpty() ? "" : " (first " + m.firstDifferingPages() + ")")));
        assumptions.add("source run state at the end: " + sourceState + "; migration status " + last.status());
        assumptions.add("rounds: dirty-sync periods, timed by MIGRATION_PASS events, bytes interpolated from the "
                + series.size() + " query-migrate samples; resume time and re-sent pages are not reported by QEMU "
                + "(pagesResent = pages sent - guest pages)");
        if (ram.postcopyRequests() > 0 || postcopyEntered()) {
            assumptions.add("guest slowdown counts throttling only; post-copy fault stalls are not measured");
        }
        assumptions.addAll(notes);

        return new MigrationResult("qemu", spec.algorithm(), Outcome.of(reason, completed),
                new Timing(setup, downtime, 0, total, Math.max(0, switchMs - setup)),
                new Traffic(Math.max(0, ram.transferred()), pages, Math.max(0, pages - pagesTotal),
                        Math.max(0, ram.duplicatePages()), paused ? 0 : precopyBytes,
                        paused ? Math.max(0, ram.transferred()) : Math.max(0, ram.downtimeBytes()),
                        Math.max(0, ram.postcopyBytes())),
                new GuestImpact(Math.max(0, ram.postcopyRequests()), throttleSlowdownPercent(switchMs), maxThrottle()),
                rounds, assumptions);
    }

    /** The run's stages from the source's and the destination's events (see {@link QemuStageMapper}). */
    List<StageStats> stages(StageMarks marks, List<QmpEvent> destinationEvents, long storageBytes) {
        MigrationSample ram = lastWithRam();
        return QemuStageMapper.map(marks, events, destinationEvents, new QemuStageMapper.Bytes(ram.precopyBytes(),
                ram.downtimeBytes(), ram.postcopyBytes(), ram.transferred(), storageBytes));
    }

    private MigrationSample lastWithRam() {
        for (int i = series.size() - 1; i >= 0; i--) if (series.get(i).hasRam()) return series.get(i);
        return series.get(series.size() - 1);
    }

    private boolean postcopyEntered() {
        return series.stream().anyMatch(s -> s.status().startsWith("postcopy"));
    }

    /** Syncs when pre-copy ended: at the first post-copy sample if it switched, else at the end. */
    private long syncsAtEndOfPrecopy() {
        for (MigrationSample s : series) if (s.status().startsWith("postcopy")) return s.dirtySyncCount();
        return lastWithRam().dirtySyncCount();
    }

    /** When the guest left the source: the switch to post-copy, the pause before completion, or the end. */
    private double switchOverMs(boolean completed, double total, double downtime) {
        for (MigrationSample s : series) {
            if (s.status().startsWith("postcopy")) {
                return s.elapsedMs();
            }
        }
        return completed ? Math.max(0, total - downtime) : total;
    }

    /** Share of the guest's time on the source lost to auto-converge's throttle, sample by sample. */
    private double throttleSlowdownPercent(double untilMs) {
        double lost = 0, time = 0, prev = 0;
        for (MigrationSample s : series) {
            double end = Math.min(s.elapsedMs(), untilMs);
            if (end > prev) {
                lost += (end - prev) * s.throttlePercent() / 100.0;
                time += end - prev;
            }
            prev = Math.max(prev, end);
        }
        return time > 0 ? 100 * lost / time : 0;
    }

    private int maxThrottle() {
        return series.stream().mapToInt(MigrationSample::throttlePercent).max().orElse(0);
    }
}
