package io.miglab.core.predict;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.ResultAssembler;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageLog;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.result.VmLocation;
import io.miglab.core.spec.FailurePlan;
import io.miglab.core.spec.FailureSpec.Consequence;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import java.util.ArrayList;
import java.util.List;

/**
 * An injected failure ({@code --fail}) in the closed form: the expected migration's stages, cut where the failure
 * falls, through the same {@link FailurePlan} the simulators ask. The failure hits stage s at
 * {@code start(s) + at} if that is no later than s's end; the bytes of the stage it hits count in proportion to the
 * time it ran (every stage sends at a constant expected rate). Before commit (post-copy: before activation) the
 * guest stays on the source once the source noticed, a crash of the source loses it; a post-copy link down is
 * recovered (the post-copy stage longer by the outage and the re-sent bitmap and in-flight bytes); see
 * docs/protocol.md, "Injecting a failure".
 */
final class ExpectedFailure {
    private ExpectedFailure() {
    }

    /** {@code full}, the migration without the failure, with the failure of {@code spec} carried out. */
    static MigrationResult apply(MigrationSpec spec, MigrationResult full) {
        if (spec.protocol().failure().isEmpty()) return full;
        FailurePlan plan = new FailurePlan(spec);
        List<StageStats> stages = full.stages();
        boolean postCopyOrder = stages.stream().anyMatch(s -> s.stage().equals(Stage.POSTCOPY.label()));
        for (int i = 0; i < stages.size(); i++) {
            StageStats s = stages.get(i);
            Stage stage = Stage.byLabel(s.stage());
            double at = plan.hits(stage, s.startMs() / 1000, s.durationMs() / 1000);
            if (Double.isNaN(at)) continue;
            Consequence c = plan.consequence(postCopyOrder);
            plan.fire();
            double share = s.durationMs() > 0 ? (at * 1000 - s.startMs()) / s.durationMs() : 1;
            switch (c) {
                case NO_EFFECT:
                    return full.withFate(plan.fate(c, 0, 0));
                case RECOVER:
                    return recovered(spec, plan, full, i, at);
                default:
                    return failed(plan, c, full, i, share, at);
            }
        }
        return full.withFigures(full.timing(), full.traffic(), full.guestImpact(), stages, notes(full, plan));
    }

    /** The migration ends in stage {@code hit}, {@code share} of the way: the guest on the source, or lost. */
    private static MigrationResult failed(FailurePlan plan, Consequence c, MigrationResult full, int hit,
                                          double share, double atSeconds) {
        double end = atSeconds + (c == Consequence.VM_ON_SOURCE ? plan.noticeSeconds() : 0);
        StageLog log = new StageLog();
        List<StageStats> stages = full.stages();
        double pre = 0, stop = 0, post = 0;
        for (int i = 0; i <= hit; i++) {
            StageStats s = stages.get(i);
            double b = i < hit ? s.bytes() : s.bytes() * share;
            log.begin(Stage.byLabel(s.stage()), s.startMs() / 1000);
            log.sent(b);
            if (s.stage().equals(Stage.PRECOPY.label())) pre += b;
            else if (s.stage().equals(Stage.POSTCOPY.label())) post += b;
            else stop += b;
        }
        // the rounds that ended before the failure; the one it cut is not a round
        List<RoundStats> rounds = new ArrayList<>();
        double roundEndMs = precopyStartMs(full);
        for (RoundStats r : full.rounds()) {
            roundEndMs += r.durationMs();
            if (roundEndMs <= atSeconds * 1000 + 1e-9) rounds.add(r);
        }
        double precopyMs = rounds.stream().mapToDouble(RoundStats::durationMs).sum();
        VmLocation vm = c == Consequence.VM_ON_SOURCE ? VmLocation.SOURCE : VmLocation.LOST;
        Timing timing = ResultAssembler.timing(log, end, precopyMs, vm);
        long total = Math.round(pre) + Math.round(stop) + Math.round(post);
        Traffic f = full.traffic();
        double sentShare = f.bytesTransferred() > 0 ? total / (double) f.bytesTransferred() : 0;
        Traffic traffic = new Traffic(total, Math.round(f.pagesTransferred() * sentShare),
                Math.round(f.pagesResent() * sentShare), Math.round(f.zeroPages() * sentShare), Math.round(pre),
                Math.round(stop), Math.round(post), total, 0, 0, 0);
        return new MigrationResult(full.backend(), full.algorithm(), Outcome.of(StopReason.FAILED, false), timing,
                traffic, full.guestImpact(), plan.fate(c, total, end), rounds, log.stages(end), full.assumptions());
    }

    /** A post-copy link down: detect, reconnect, handshake, then the bitmap and what was in flight go again. */
    private static MigrationResult recovered(MigrationSpec spec, FailurePlan plan, MigrationResult full, int hit,
                                             double atSeconds) {
        double bandwidth = spec.link().postCopyBandwidth().bytesPerSecond();
        double resend = plan.resendBytes(spec.memory().pages(),
                spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES, bandwidth);
        double extraMs = (plan.outageSeconds() + resend / bandwidth) * 1000;
        List<StageStats> stages = new ArrayList<>();
        for (int i = 0; i < full.stages().size(); i++) {
            StageStats s = full.stages().get(i);
            if (i < hit) stages.add(s);
            else if (i == hit) stages.add(new StageStats(s.stage(), s.startMs(), s.durationMs() + extraMs,
                    s.bytes() + Math.round(resend)));
            else stages.add(new StageStats(s.stage(), s.startMs() + extraMs, s.durationMs(), s.bytes()));
        }
        Timing t = full.timing();
        Timing timing = new Timing(t.preparationTimeMs(), t.downtimeMs(), t.resumeTimeMs(), t.totalTimeMs() + extraMs,
                t.precopyTimeMs(), t.storageTimeMs(), t.announceRounds(), t.lastAnnounceMs());
        Traffic f = full.traffic();
        long r = Math.round(resend);
        Traffic traffic = new Traffic(f.bytesTransferred() + r, f.pagesTransferred(), f.pagesResent(), f.zeroPages(),
                f.precopyBytes(), f.stopCopyBytes(), f.postcopyBytes() + r, f.sourceToDestinationBytes() + r,
                f.sourceToNasBytes(), f.nasToDestinationBytes(), f.storageBytes());
        return full.withFigures(timing, traffic, full.guestImpact(), stages, full.assumptions())
                .withFate(plan.fate(Consequence.RECOVER, resend, extraMs / 1000));
    }

    private static double precopyStartMs(MigrationResult full) {
        return full.stages().stream().filter(s -> s.stage().equals(Stage.PRECOPY.label())).findFirst()
                .map(StageStats::startMs).orElse(Double.POSITIVE_INFINITY);
    }

    private static List<String> notes(MigrationResult full, FailurePlan plan) {
        List<String> notes = new ArrayList<>(full.assumptions());
        notes.addAll(plan.notes());
        return notes;
    }
}
