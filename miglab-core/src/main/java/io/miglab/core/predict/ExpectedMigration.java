package io.miglab.core.predict;

import io.miglab.core.algorithm.MigrationEngine;
import io.miglab.core.result.DeferredTexts;
import io.miglab.core.result.Fate;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.ResultAssembler;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageLog;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.FailurePlan;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One migration over expected values: the closed form's engine. Each action is a formula: a pre-copy round sends
 * the pages expected dirty after the previous one, a stop-and-copy sends the rest and the device state at the
 * link's rate, a switch to post-copy pushes the rest once at the capped rate.
 */
final class ExpectedMigration implements MigrationEngine {
    private final MigrationSpec spec;
    private final int pages;
    private final double pageWire;
    private final double bandwidth;
    /** The switch-over runs at the link's rate, without the cap (as QEMU does). */
    private final double switchOver;
    private final double oneWay;
    private final double prep;
    private final double resume;
    private final double device;
    private final double zeroShare;
    /** The policy's timeout from the start (infinite without one) and its fixed switch-over, read once. */
    private final double timeoutSeconds;
    private final double fixedSwitchOver;
    /**
     * What the link and the page size make of every prediction's first assumption. Its equality and hash are the
     * record's, written out: the generated ones go through method handles, which showed in a batch's profile.
     */
    private record Wire(double bytesPerSecond, int multifdChannels, long pageWireBytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Wire w && Double.compare(bytesPerSecond, w.bytesPerSecond) == 0
                    && multifdChannels == w.multifdChannels && pageWireBytes == w.pageWireBytes;
        }

        @Override
        public int hashCode() {
            return (31 * Double.hashCode(bytesPerSecond) + multifdChannels) * 31 + Long.hashCode(pageWireBytes);
        }
    }

    /**
     * The assumption texts, kept whole: the same inputs give the same (identical) texts, which a batch's CSV rows
     * join once ({@code ResultCsvWriter}). Each is made only when the result's assumptions are read
     * ({@link DeferredTexts}): a sweep writes none.
     */
    private static final KeptTexts<Wire> BANDWIDTH = new KeptTexts<>(w -> "bandwidth constant at "
            + new DataRate(w.bytesPerSecond())
            + (w.multifdChannels() > 0 ? " (" + w.multifdChannels() + " multifd channels)" : "")
            + "; every page costs " + w.pageWireBytes() + " B on the wire (8 B header)");
    private static final KeptTexts<WriteModel> WRITES = new KeptTexts<>(w -> "pre-copy: round i re-sends the write"
            + " model's expected distinct pages dirtied during round i-1 (" + w.describe()
            + "); geometric series for a sweep");
    private final DeferredTexts.Builder assumptions = new DeferredTexts.Builder();
    private final List<RoundStats> rounds = new ArrayList<>();
    private final StageLog stages = new StageLog();
    /** Pages (and their bytes) the next round or phase has to send. */
    private double roundPages;
    /** Pages the first pass has sent (all of them once it is done): where its scan stands, for ResumeFaults. */
    private double firstPassSent;
    private double roundBytes;
    private double sentBytes;
    private double sentPages;
    private double clock;
    private double precopyTime;
    private double lastRoundBytes;
    private double lastRoundSeconds;
    private MigrationResult result;
    private final ExpectedNas nas;

    ExpectedMigration(MigrationSpec spec) {
        this.spec = spec;
        this.pages = spec.memory().pages();
        this.pageWire = spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES;
        this.bandwidth = spec.optimisations().precopyRate(spec.link()).bytesPerSecond();
        this.switchOver = spec.switchOverBandwidth().bytesPerSecond();
        this.oneWay = spec.link().oneWaySeconds();
        this.prep = spec.overheads().preparation().toNanos() / 1e9;
        this.resume = spec.overheads().resume().toNanos() / 1e9;
        this.device = spec.overheads().deviceState().bytes();
        this.zeroShare = spec.optimisations().zeroPageElision() ? spec.memory().zeroPageShare() : 0;
        Optional<Duration> timeout = spec.policy().timeout();
        this.timeoutSeconds = timeout.isPresent() ? timeout.get().toNanos() / 1e9 : Double.POSITIVE_INFINITY;
        this.fixedSwitchOver = spec.fixedSwitchOverSeconds();
        this.clock = prep;
        this.nas = new ExpectedNas(spec.nas().orElse(null), spec.memory().pageSizeBytes(), pageWire);
        stages.begin(Stage.PREPARATION, 0);
        stages.begin(Stage.RESERVATION, prep);
        double reserved = prep + spec.protocol().reservationSeconds();
        spec.protocol().refusal(spec.memory().bytes()).ifPresent(reason -> {
            result = new MigrationResult(ClosedFormPredictor.NAME, spec.algorithm(),
                    Outcome.of(StopReason.REFUSED, false), new Timing(reserved * 1000, 0, 0, reserved * 1000, 0),
                    new Traffic(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new GuestImpact(0, 0, 0),
                    FailurePlan.refused(reason, reserved), List.of(), stages.stages(reserved), List.of());
        });
        this.clock = reserved;
        this.roundPages = pages;
        this.roundBytes = firstPassBytes();
        Wire wire = new Wire(bandwidth, spec.optimisations().multifdChannels(), (long) pageWire);
        assumptions.add(() -> BANDWIDTH.of(wire));
        if (zeroShare > 0) assumptions.add("first pass: " + Math.round(zeroShare * 100)
                + " % of pages are zero pages sent as " + spec.optimisations().zeroPageBytes() + " B headers");
        if (spec.optimisations().xbzrle().isPresent() || spec.optimisations().compression().isPresent()) {
            assumptions.add("XBZRLE and compression are not modelled by the closed form");
        }
    }

    @Override
    public MigrationSpec spec() { return spec; }

    @Override
    public boolean ended() { return result != null; }

    @Override
    public int roundsDone() { return rounds.size(); }

    @Override
    public double clockSeconds() { return clock; }

    @Override
    public Optional<StopReason> verdict() {
        double measured = lastRoundSeconds > 0 && !nas.relayed(rounds.size() - 1) ? lastRoundBytes / lastRoundSeconds
                : bandwidth;
        measured *= spec.optimisations().thresholdRateFactor(spec.link());
        return spec.policy().verdict(new TerminationPolicy.Progress(Math.round(roundPages),
                spec.memory().pageSizeBytes(), measured, rounds.size(), sentBytes, spec.memory().bytes(), clock,
                fixedSwitchOver));
    }

    /**
     * Round i re-sends the write model's expected distinct pages dirtied during round i-1. A round the policy's
     * timeout falls in ends there, with the unsent share of its pages still to send.
     */
    @Override
    public void precopyRound() {
        if (rounds.isEmpty()) precopyAssumptions();
        if (stages.current() != Stage.PRECOPY) stages.begin(Stage.PRECOPY, clock);
        double seconds = nas.roundSeconds(rounds.size(), roundBytes, roundPages, bandwidth);
        double left = timeoutSeconds - clock;
        double share = seconds > left ? Math.max(0, left) / seconds : 1;
        double bytes = share == 1 ? roundBytes : roundBytes * share;
        double sent = share == 1 ? roundPages : roundPages * share;
        seconds = share == 1 ? seconds : Math.max(0, left);
        double dirty = Math.min(pages, spec.writeModel().expectedDistinctPages(seconds, pages));
        rounds.add(new RoundStats(rounds.size(), Math.round(sent), Math.round(bytes), seconds * 1000,
                seconds > 0 ? dirty / seconds : 0, 0));
        double wire = nas.roundWire(rounds.size() - 1, bytes);
        sentBytes += wire;
        stages.sent(wire);
        sentPages += sent;
        clock += seconds;
        precopyTime += seconds;
        lastRoundBytes = bytes;
        lastRoundSeconds = seconds;
        if (rounds.size() == 1) firstPassSent = sent;
        roundPages = share == 1 ? dirty : Math.min(pages, dirty + roundPages - sent);
        roundBytes = roundPages * pageWire;
    }

    @Override
    public void stopAndCopy(StopReason reason) {
        if (rounds.isEmpty()) {
            assumptions.add("stop-and-copy: downtime = (memory + device state) / bandwidth + latency/2 + resume");
        }
        double rate = spec.stopAndCopyBandwidth(!rounds.isEmpty()).bytesPerSecond();
        // the last sync and the zero-page checks (only the first pass still holds zero pages), then the bytes
        double work = spec.switchOverWorkSeconds(rounds.isEmpty() ? pages * zeroShare : 0);
        double down = nas.switchOverSeconds(roundBytes + device, work + (roundBytes + device) / rate + oneWay)
                + resume;
        double stopBytes = nas.switchOverWire(roundBytes + device);
        stages.begin(Stage.STOP_AND_COPY, clock);
        stages.sent(stopBytes);
        stages.begin(Stage.COMMIT, clock + Math.max(0, down - resume - oneWay));
        stages.begin(Stage.ACTIVATION, clock + down - resume);
        spec.overheads().announce().into(stages);
        result = result(reason, true, clock + down, down, sentBytes + stopBytes, sentPages + roundPages,
                sentPages - pages + roundPages, stopBytes, 0);
    }

    @Override
    public void switchToPostCopy(StopReason reason) {
        DataRate postCopyRate = spec.link().postCopyBandwidth();
        assumptions.add(() -> "post-copy: pages pushed once at the post-copy rate (" + postCopyRate
                + ") after a switch-over of device state;"
                + " page faults and their stalls are not modelled");
        double down = spec.switchOverWorkSeconds(0) + device / switchOver + oneWay + resume;
        double pushBytes = roundPages == pages ? firstPassBytes() : roundPages * pageWire;
        // the cap and the destination (each page read off the stream, then placed) set the pace
        double pushSeconds = spec.postCopyPushSeconds(pushBytes, roundPages == pages ? pages * zeroShare : 0,
                roundPages);
        double total = clock + down + pushSeconds + oneWay;
        // the guest's pause goes on while the pages it touches first on resume arrive (core.spec.ResumeFaults)
        ResumeFaults first = spec.overheads().resumeFaults();
        double paused = first.pauseSeconds(spec, ResumeFaults.readPendingShare(spec, firstPassSent, roundPages),
                pushSeconds);
        if (first.pages() > 0) {
            assumptions.add("post-copy pause: " + first.pages() + " pages touched on resume, one fault each while "
                    + "at the source (those written at any switch, the rest while the kernel's block is unsent), "
                    + "at most the push");
        }
        stages.begin(Stage.STOP_AND_COPY, clock);
        stages.sent(device);
        stages.begin(Stage.ACTIVATION, clock + down - resume);
        spec.overheads().announce().into(stages);
        stages.begin(Stage.POSTCOPY, clock + down);
        stages.sent(pushBytes);
        stages.begin(Stage.COMMIT, total - oneWay);
        result = result(reason, true, total, down + paused, sentBytes + device + pushBytes, sentPages + roundPages,
                sentPages - pages + roundPages, device, pushBytes);
    }

    @Override
    public void cancel(StopReason reason) {
        result = result(reason, false, clock, 0, sentBytes, sentPages, sentPages - pages, 0, 0);
    }

    MigrationResult result() {
        if (result == null) throw new IllegalStateException("the algorithm ended without finishing the migration");
        return result;
    }

    private double firstPassBytes() {
        return pages * ((1 - zeroShare) * pageWire + zeroShare * spec.optimisations().zeroPageBytes());
    }

    private void precopyAssumptions() {
        WriteModel writes = spec.writeModel();
        assumptions.add(() -> WRITES.ofShared(writes));
        if (spec.autoConverge().isPresent()) assumptions.add("auto-converge throttling is not modelled");
        if (spec.policy().midPassDowntimeLimit().isPresent()) {
            assumptions.add("the downtime limit is checked at round ends only (the simulator checks mid-pass)");
        }
    }

    private MigrationResult result(StopReason reason, boolean completed, double totalSeconds, double downSeconds,
                                   double bytes, double pagesSent, double resent, double stopBytes,
                                   double postBytes) {
        return new MigrationResult(ClosedFormPredictor.NAME, spec.algorithm(), Outcome.of(reason, completed),
                ResultAssembler.announced(new Timing((prep + spec.protocol().reservationSeconds()) * 1000,
                        downSeconds * 1000, completed && downSeconds > 0 ? resume * 1000 : 0, totalSeconds * 1000,
                        precopyTime * 1000), stages, completed && stages.reached(Stage.ACTIVATION)
                        ? stages.endSeconds(Stage.ACTIVATION, totalSeconds) : -1),
                new Traffic(Math.round(bytes), Math.round(pagesSent), Math.round(Math.max(0, resent)),
                        Math.round(pages * zeroShare), Math.round(sentBytes), Math.round(stopBytes),
                        Math.round(postBytes), Math.round(bytes - nas.sourceToNas - nas.nasToDestination),
                        Math.round(nas.sourceToNas), Math.round(nas.nasToDestination), 0),
                new GuestImpact(0, 0, 0), Fate.none(completed), rounds, stages.stages(totalSeconds),
                assumptions.build());
    }
}
