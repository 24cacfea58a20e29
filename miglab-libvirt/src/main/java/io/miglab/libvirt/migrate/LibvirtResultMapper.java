package io.miglab.libvirt.migrate;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.domain.HeartbeatRecord;
import io.miglab.libvirt.nativeapi.JobStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * libvirt's job statistics in miglab's common result. From the completed job (libvirt-domain.h's
 * VIR_DOMAIN_JOB_*): time_elapsed, downtime, setup_time, data_processed, memory_total, memory_constant (zero
 * pages), memory_normal, memory_postcopy_requests. Rounds, the throttle and the bytes sent before the pause come
 * from the samples of the running job (libvirt has no per-phase byte counts).
 */
final class LibvirtResultMapper {
    static final int PAGE = 4096;
    static final double PAGE_WIRE_BYTES = PAGE + 8;
    private final MigrationSpec spec;
    private final LibvirtMigrationPlan plan;
    private final List<JobSample> samples;

    LibvirtResultMapper(MigrationSpec spec, LibvirtMigrationPlan plan, List<JobSample> samples) {
        this.spec = spec;
        this.plan = plan;
        this.samples = samples;
    }

    MigrationResult map(boolean completed, StopReason reason, Optional<JobStats> finalStats,
                        Optional<HeartbeatRecord> heartbeat, Optional<String> error, String sourceState,
                        String destinationState, double hostMs) {
        JobStats last = finalStats.orElseGet(() -> samples.isEmpty() ? new JobStats(0, java.util.Map.of())
                : samples.get(samples.size() - 1).stats());
        double total = positive(last.number("time_elapsed"), hostMs);
        double downtime = completed ? Math.max(0, last.number("downtime")) : 0;
        double setup = preparationMs(Math.max(0, last.number("setup_time")));
        boolean postcopy = reason == StopReason.SWITCHED_TO_POSTCOPY;
        long processed = Math.max(0, last.number("data_processed"));
        long zero = Math.max(0, last.number("memory_constant"));
        long pages = zero + Math.max(0, last.number("memory_normal"));
        long guestPages = Math.max(0, last.number("memory_total")) / PAGE;
        long beforePause = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).processedBytes();
        beforePause = Math.min(beforePause, processed);
        long afterPause = completed ? processed - beforePause : 0;
        double switchMs = completed ? total - downtime : total;

        List<String> assumptions = new ArrayList<>();
        assumptions.add("libvirt migration, flags " + String.join("|", plan.flagNames()) + ", parameters "
                + plan.parameters() + ", downtime limit " + plan.downtimeLimitMs() + " ms; guest "
                + plan.guest().kernelCommandLine().replace("console=ttyS0 quiet panic=-1 no_timer_check ", ""));
        heartbeat.ifPresent(h -> assumptions.add(String.format(Locale.ROOT,
                "heartbeat: largest gap %.1f ms during the migration, counter %s up to HB %d, %d beats after it",
                h.maxGapMs(), h.counterContinued() ? "continued" : "did NOT continue", h.lastCounter(),
                h.beatsAfter())));
        error.ifPresent(e -> assumptions.add("libvirt: " + e));
        assumptions.add("domain at the end: " + sourceState + " on the source, " + destinationState
                + " on the destination");
        assumptions.add("rounds and the bytes sent before the pause from " + samples.size() + " job samples every "
                + "poll interval (libvirt reports no per-phase bytes); resume time is not reported");
        assumptions.addAll(plan.notes());

        return new MigrationResult("libvirt", spec.algorithm(), Outcome.of(reason, completed),
                new Timing(setup, downtime, 0, total, Math.max(0, switchMs - setup)),
                new Traffic(processed, pages, Math.max(0, pages - guestPages), zero, beforePause,
                        postcopy ? 0 : afterPause, postcopy ? afterPause : 0),
                new GuestImpact(Math.max(0, last.number("memory_postcopy_requests")), throttleSlowdown(),
                        samples.stream().mapToInt(JobSample::throttlePercent).max().orElse(0)),
                rounds(completed || postcopy), assumptions);
    }

    /** One round per dirty-bitmap sync period seen in the samples; the last open one only if pre-copy ended. */
    private List<RoundStats> rounds(boolean closeLast) {
        List<RoundStats> rounds = new ArrayList<>();
        if (samples.isEmpty()) return rounds;
        long startBytes = 0;
        double startMs = preparationMs(0);
        for (int i = 1; i <= samples.size(); i++) {
            if (samples.get(i - 1).iteration() < 1) continue; // setup: no pass has started
            boolean endOfRound = i == samples.size() ? closeLast
                    : samples.get(i).iteration() > samples.get(i - 1).iteration();
            if (!endOfRound) continue;
            JobSample end = samples.get(i - 1);
            long bytes = Math.max(0, end.processedBytes() - startBytes);
            rounds.add(new RoundStats(rounds.size(), Math.round(bytes / PAGE_WIRE_BYTES), bytes,
                    Math.max(0, end.elapsedMs() - startMs), end.dirtyRate(), end.throttlePercent()));
            startBytes = end.processedBytes();
            startMs = end.elapsedMs();
        }
        return rounds;
    }

    /**
     * libvirt's time_elapsed starts before the destination's QEMU exists (its start takes 1-3 s), so the
     * preparation is the time to the first byte: the first sample that had sent anything, less what it had sent at
     * the bandwidth limit; never below QEMU's own setup_time.
     */
    private double preparationMs(double setupMs) {
        double bytesPerMs = ((Number) plan.parameters().get("bandwidth")).doubleValue() * 1024 * 1024 / 1000;
        for (JobSample s : samples) {
            if (s.processedBytes() > 0) return Math.max(setupMs, s.elapsedMs() - s.processedBytes() / bytesPerMs);
        }
        return setupMs;
    }

    private double throttleSlowdown() {
        double lost = 0, time = 0, prev = 0;
        for (JobSample s : samples) {
            double t = s.elapsedMs();
            if (t > prev) {
                lost += (t - prev) * s.throttlePercent() / 100.0;
                time += t - prev;
            }
            prev = Math.max(prev, t);
        }
        return time > 0 ? 100 * lost / time : 0;
    }

    private static double positive(long value, double fallback) {
        return value > 0 ? value : fallback;
    }
}
