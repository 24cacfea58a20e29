package io.miglab.core.predict;

import io.miglab.core.MigrationBackend;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytic model of a migration, with the same result type as the simulators.
 *
 * <p>Pre-copy follows the geometric series of the classic models (e.g. Akoush et al., "Predicting the Performance
 * of Virtual Machine Migration", MASCOTS 2010; Liu et al., "Performance and energy modeling for live migration of
 * virtual machines", HPDC 2011): round i sends V_i = V_mem l^i with l = dirty rate / bandwidth, so after rounds
 * 0..n the data is V_mem (1 - l^(n+1)) / (1 - l). Here each round's dirty set is the write model's expected
 * distinct pages over the previous round's duration, which is l V_{i-1} for a sweep and
 * N (1 - e^(-R t / N)) for uniform random writes (the distinct-page correction); n comes from the same termination
 * policy the simulator uses. Post-copy is memory / bandwidth plus the fixed overheads.
 */
public final class ClosedFormPredictor implements MigrationBackend {
    public static final String NAME = "closed-form";

    @Override
    public String name() { return NAME; }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        return switch (spec.algorithm()) {
            case "stop-and-copy" -> new Prediction(spec).stopAndCopy();
            case "precopy" -> new Prediction(spec).precopy(Integer.MAX_VALUE);
            case "postcopy" -> new Prediction(spec).postcopy(spec.memory().pages(), StopReason.NOT_ITERATIVE,
                    List.of());
            case "hybrid" -> new Prediction(spec).precopy(spec.postCopy().precopyRounds());
            default -> throw new InvalidSpecException("algorithm",
                    "the closed form covers stop-and-copy, precopy, postcopy and hybrid", spec.algorithm());
        };
    }

    /** V_mem (1 - l^(n+1)) / (1 - l): bytes sent by pre-copy rounds 0..n. */
    public static double geometricSeries(double memoryBytes, double ratio, int n) {
        if (Math.abs(1 - ratio) < 1e-12) return memoryBytes * (n + 1);
        return memoryBytes * (1 - Math.pow(ratio, n + 1)) / (1 - ratio);
    }

    /** One prediction; keeps the inputs in the units of the formulas. */
    private static final class Prediction {
        final MigrationSpec spec;
        final int pages;
        final double pageWire;
        final double bandwidth;
        /** The switch-over runs at the link's rate, without the cap (as QEMU does). */
        final double switchOver;
        final double oneWay;
        final double prep;
        final double resume;
        final double device;
        final double zeroShare;
        final List<String> assumptions = new ArrayList<>();

        Prediction(MigrationSpec spec) {
            this.spec = spec;
            this.pages = spec.memory().pages();
            this.pageWire = spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES;
            this.bandwidth = spec.link().effectiveBandwidth().bytesPerSecond();
            this.switchOver = spec.link().switchOverBandwidth().bytesPerSecond();
            this.oneWay = spec.link().oneWaySeconds();
            this.prep = spec.overheads().preparation().toNanos() / 1e9;
            this.resume = spec.overheads().resume().toNanos() / 1e9;
            this.device = spec.overheads().deviceState().bytes();
            this.zeroShare = spec.optimisations().zeroPageElision() ? spec.memory().zeroPageShare() : 0;
            assumptions.add("bandwidth constant at " + spec.link().effectiveBandwidth() + "; every page costs "
                    + (long) pageWire + " B on the wire (8 B header)");
            if (zeroShare > 0) assumptions.add("first pass: " + Math.round(zeroShare * 100)
                    + " % of pages are zero pages sent as 8 B headers");
            if (spec.optimisations().xbzrle().isPresent() || spec.optimisations().compression().isPresent()) {
                assumptions.add("XBZRLE and compression are not modelled by the closed form");
            }
        }

        double firstPassBytes() {
            return pages * ((1 - zeroShare) * pageWire + zeroShare * Optimisations.PAGE_HEADER_BYTES);
        }

        MigrationResult stopAndCopy() {
            assumptions.add("stop-and-copy: downtime = (memory + device state) / bandwidth + latency/2 + resume");
            double bytes = firstPassBytes() + device;
            double down = bytes / switchOver + oneWay + resume;
            return result(StopReason.NOT_ITERATIVE, true, prep + down, down, 0, bytes, pages, 0, 0, bytes, 0,
                    List.of());
        }

        /** Pre-copy; with {@code switchAfterRounds} finite, the hybrid switch to post-copy after that many rounds. */
        MigrationResult precopy(int switchAfterRounds) {
            boolean hybrid = switchAfterRounds != Integer.MAX_VALUE;
            assumptions.add("pre-copy: round i re-sends the write model's expected distinct pages dirtied during"
                    + " round i-1 (" + spec.writeModel().describe() + "); geometric series for a sweep");
            if (spec.autoConverge().isPresent()) assumptions.add("auto-converge throttling is not modelled");
            if (spec.policy().find(StopCondition.DowntimeBelow.class).filter(StopCondition.DowntimeBelow::checkedMidPass)
                    .isPresent()) {
                assumptions.add("the downtime limit is checked at round ends only (the simulator checks mid-pass)");
            }
            TerminationPolicy policy = spec.policy();
            List<RoundStats> rounds = new ArrayList<>();
            double roundPages = pages;
            double roundBytes = firstPassBytes();
            double sentBytes = 0, sentPages = 0, clock = prep, precopyTime = 0;
            StopReason reason;
            while (true) {
                double seconds = roundBytes / bandwidth;
                double dirty = Math.min(pages, spec.writeModel().expectedDistinctPages(seconds, pages));
                rounds.add(new RoundStats(rounds.size(), Math.round(roundPages), Math.round(roundBytes),
                        seconds * 1000, seconds > 0 ? dirty / seconds : 0, 0));
                sentBytes += roundBytes;
                sentPages += roundPages;
                clock += seconds;
                precopyTime += seconds;
                reason = verdict(policy, dirty, roundBytes, seconds, rounds.size(), sentBytes, clock);
                roundPages = dirty;
                roundBytes = dirty * pageWire;
                if (reason != null) break;
                if (hybrid && rounds.size() >= switchAfterRounds) {
                    reason = StopReason.SWITCHED_TO_POSTCOPY;
                    break;
                }
            }
            double resent = sentPages - pages + roundPages;
            if (hybrid && (reason == StopReason.SWITCHED_TO_POSTCOPY || !reason.converged())) {
                MigrationResult post = postcopy(roundPages, StopReason.SWITCHED_TO_POSTCOPY, rounds);
                return withPrecopy(post, clock - prep, precopyTime, sentBytes, sentPages, resent);
            }
            if (!reason.converged() && policy.onLimit() == TerminationPolicy.LimitAction.CANCEL) {
                return result(reason, false, clock, 0, precopyTime, sentBytes, sentPages, sentPages - pages,
                        sentBytes, 0, 0, rounds);
            }
            double stopBytes = roundBytes + device;
            double down = stopBytes / switchOver + oneWay + resume;
            return result(reason, true, clock + down, down, precopyTime, sentBytes + stopBytes,
                    sentPages + roundPages, resent, sentBytes, stopBytes, 0, rounds);
        }

        StopReason verdict(TerminationPolicy policy, double dirty, double roundBytes, double seconds, int done,
                           double sentBytes, double clock) {
            double measured = seconds > 0 ? roundBytes / seconds : bandwidth;
            return policy.verdict(new TerminationPolicy.Progress(Math.round(dirty), spec.memory().pageSizeBytes(),
                    measured, done, sentBytes, spec.memory().bytes(), clock)).orElse(null);
        }

        MigrationResult postcopy(double pendingPages, StopReason reason, List<RoundStats> rounds) {
            assumptions.add("post-copy: pages pushed once at full bandwidth after a switch-over of device state;"
                    + " page faults and their stalls are not modelled");
            double down = device / switchOver + oneWay + resume;
            double pushBytes = pendingPages == pages ? firstPassBytes() : pendingPages * pageWire;
            double total = prep + down + pushBytes / bandwidth + oneWay;
            return result(reason, true, total, down, 0, device + pushBytes, pendingPages, 0, 0, device, pushBytes,
                    rounds);
        }

        MigrationResult withPrecopy(MigrationResult post, double precopySeconds, double precopyTime,
                                    double sentBytes, double sentPages, double resent) {
            return result(post.stopReason(), true, post.totalTimeMs() / 1000 + precopySeconds, post.downtimeMs() / 1000,
                    precopyTime, post.bytesTransferred() + sentBytes, post.pagesTransferred() + sentPages,
                    resent, sentBytes, post.stopCopyBytes(), post.postcopyBytes(), post.rounds());
        }

        MigrationResult result(StopReason reason, boolean completed, double totalSeconds, double downSeconds,
                               double precopySeconds, double bytes, double pagesSent, double resent,
                               double precopyBytes, double stopBytes, double postBytes, List<RoundStats> rounds) {
            return new MigrationResult(NAME, spec.algorithm(), reason.converged(), completed, reason, prep * 1000,
                    downSeconds * 1000, completed && downSeconds > 0 ? resume * 1000 : 0, totalSeconds * 1000,
                    precopySeconds * 1000, Math.round(bytes), Math.round(pagesSent), Math.round(Math.max(0, resent)),
                    Math.round(pages * zeroShare), Math.round(precopyBytes), Math.round(stopBytes),
                    Math.round(postBytes), 0, 0, 0, rounds, assumptions);
        }
    }
}
