package io.miglab.core.sim;

import io.miglab.core.algorithm.MigrationEngine;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultAssembler;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.throttle.AutoConvergeController;
import io.miglab.core.write.PageSink;
import io.miglab.core.write.WriteProcess;
import java.util.Optional;

/**
 * The page-level simulation of one migration. It carries out an algorithm's actions (a pre-copy round, a
 * stop-and-copy, a switch to post-copy, a cancel); it keeps the clocks and the page bitmaps, and fills a
 * {@link Timeline} (events and counters) from which {@link ResultAssembler} computes the metrics once.
 *
 * <p>Pre-copy follows QEMU's dirty-log semantics: a page written during a round is sent again in the next round,
 * whether or not it had already been sent in this one, because the log is only collected at the round's sync.
 */
public final class MigrationSession implements MigrationEngine {
    private final MigrationSpec spec;
    private final int pageSize;
    private final double bandwidth;
    private final double switchOverBandwidth;
    private final double syncSeconds; // one dirty-bitmap sync (Overheads.syncPerGiB)
    private final double midPassLimitSeconds; // the downtime limit when checked mid-pass (QEMU), in s; 0 otherwise
    private final double thresholdFactor; // the threshold's rate over the sending rate (Optimisations, multifd)
    private final PageLedger ledger;
    private final PassSender pass;
    private final WriteProcess writer;
    private final AutoConvergeController autoConverge;
    private final NasRelay nas;
    final Timeline timeline = new Timeline();
    final SessionFailures failures;
    double clock;
    private double guestClock;
    private int throttlePercent;
    private long lastRoundBytes;
    private double lastRoundSeconds;
    private boolean started;
    boolean finished;

    public MigrationSession(MigrationSpec spec) {
        this.spec = spec;
        int pages = spec.memory().pages();
        this.pageSize = spec.memory().pageSizeBytes();
        this.bandwidth = spec.optimisations().precopyRate(spec.link()).bytesPerSecond();
        this.switchOverBandwidth = spec.switchOverBandwidth().bytesPerSecond();
        this.syncSeconds = spec.overheads().syncSeconds(spec.memory().bytes());
        this.midPassLimitSeconds = spec.policy().midPassDowntimeLimit().map(d -> d.toNanos() / 1e9).orElse(0.0);
        this.thresholdFactor = spec.optimisations().thresholdRateFactor(spec.link());
        this.ledger = new PageLedger(spec, timeline);
        this.pass = new PassSender(ledger.toSend);
        this.writer = spec.writeModel().start(spec.memory(), spec.seed());
        this.autoConverge = spec.autoConverge().map(a -> new AutoConvergeController(a, 0)).orElse(null);
        this.failures = new SessionFailures(this);
        this.nas = new NasRelay(spec.nas().orElse(null), pageSize, spec.memory().bytes());
    }

    @Override
    public MigrationSpec spec() { return spec; }

    @Override
    public int roundsDone() { return timeline.roundCount(); }

    @Override
    public double clockSeconds() { return clock; }

    /** Pages that still have to be sent (the migration bitmap after the last sync). */
    public long dirtyPages() { return ledger.toSend.cardinality(); }

    /** Setup: the preparation time passes with the guest running, then every page is marked to send. */
    public void start() {
        if (started) throw new IllegalStateException("start() called twice");
        started = true;
        timeline.add(new Timeline.Started(0));
        if (!failures.prepareAndReserve()) return;
        ledger.written.clearAll();
        ledger.toSend.setAll();
    }

    /**
     * One pre-copy round: send the pages in the migration bitmap while the guest runs, then sync the dirty log.
     * With a mid-pass downtime check the round ends early, leaving the pass's tail in the bitmap, as soon as that
     * tail fits the downtime limit at the measured bandwidth.
     */
    @Override
    public void precopyRound() {
        requireRunning();
        if (timeline.stageLog().current() != Stage.PRECOPY) timeline.stage(Stage.PRECOPY, clock);
        int round = timeline.roundCount();
        int throttleInRound = throttlePercent;
        long compressedBefore = ledger.cost.bytesCompressed;
        double timeoutLeft = spec.policy().timeout().map(t -> t.toNanos() / 1e9 - clock)
                .orElse(Double.POSITIVE_INFINITY);
        // an injected failure ends the round like the timeout does, where it falls
        double failAt = failures.plan.hits(Stage.PRECOPY, timeline.stageLog().currentStart(), Double.POSITIVE_INFINITY);
        // a hybrid's switch after a set time comes in the middle of a pass, as the timeout does
        timeoutLeft = Math.min(timeoutLeft, spec.postCopy().switchAfterSeconds() - clock);
        double timeLeft = Double.isNaN(failAt) ? timeoutLeft : Math.min(timeoutLeft, failAt - clock);
        long maxPage = pageSize + Optimisations.PAGE_HEADER_BYTES;
        PassSender.WordSender send = nas.tap(ledger.sender(pass::deltaAllowed));
        double rate = nas.rate(round, bandwidth);
        if (midPassLimitSeconds == 0) {
            pass.whole(send, timeLeft * rate, maxPage);
        } else {
            pass.untilFits(send, roundRate() * thresholdFactor * midPassLimitSeconds / pageSize,
                    rate * Optimisations.RATE_LIMIT_PERIOD_SECONDS, timeLeft * rate, maxPage,
                    PassSender.PeriodWork.of(spec, rate, timeline::zeroPages));
        }
        long bytes = pass.bytes, pages = pass.pages;
        long compressed = ledger.cost.bytesCompressed - compressedBefore;
        double sendSeconds = nas.roundSeconds(round, bytes, ledger.cost.transferSeconds(bytes, compressed, bandwidth),
                ledger.cost.transferSeconds(bytes, compressed, Double.POSITIVE_INFINITY)) + pass.slowSeconds;
        // a round cut by the timeout lasts until the timeout: the page in flight would not have arrived before it
        if (pass.cut) sendSeconds = Math.max(sendSeconds, Math.max(0, timeLeft));
        if (!Double.isNaN(failAt) && clock + sendSeconds + syncSeconds >= failAt) {
            runGuestOnSource(failAt - clock);
            nas.account(timeline, Phase.PRECOPY, round, bytes);
            failures.fail();
            return;
        }
        runGuestOnSource(sendSeconds);
        runGuestOnSource(syncSeconds);
        double syncWait = autoConverge == null ? 0 : autoConverge.syncWaitSeconds(clock);
        long dirtied = ledger.sync();
        runGuestOnSource(syncWait);
        nas.account(timeline, Phase.PRECOPY, round, bytes);
        lastRoundBytes = bytes;
        lastRoundSeconds = sendSeconds - pass.slowSeconds; // the periods' slowness enters through pass.windowShare
        double roundSeconds = sendSeconds + syncWait + syncSeconds;
        if (autoConverge != null) {
            throttlePercent = autoConverge.afterSync(clock, ledger.newlyDirty * pageSize, bytes);
            timeline.throttled(throttlePercent);
        }
        RoundStats stats = new RoundStats(round, pages, bytes, roundSeconds * 1000,
                roundSeconds > 0 ? dirtied / roundSeconds : 0, throttleInRound);
        timeline.add(new Timeline.RoundEnded(clock, stats));
    }

    /** The policy's verdict after a round: a convergence reason (which wins), a limit reason, or empty to go on. */
    @Override
    public Optional<StopReason> verdict() {
        return spec.policy().verdict(new TerminationPolicy.Progress(ledger.toSend.cardinality(), pageSize,
                measuredBandwidth(), timeline.roundCount(), timeline.bytes(), spec.memory().bytes(), clock,
                spec.fixedSwitchOverSeconds()));
    }

    /** Pause the guest, send what is still dirty plus the device state (MigrationSpec: the downtime's parts). */
    @Override
    public void stopAndCopy(StopReason reason) {
        requireRunning();
        timeline.stage(Stage.STOP_AND_COPY, clock);
        ledger.sync();
        ledger.cost.lastStage();
        long compressedBefore = ledger.cost.bytesCompressed;
        double zeroBefore = timeline.zeroPages();
        long bytes = spec.overheads().deviceState().bytes();
        boolean delta = timeline.roundCount() > 0;
        double newBefore = timeline.pages() - timeline.resent() - zeroBefore;
        bytes += ledger.sendAll(nas.tap(ledger.sender(pass::deltaAllowed)));
        double rate = spec.stopAndCopyBandwidth(delta).bytesPerSecond();
        // data pages never sent before, the tail of a first pass the switch-over cut, go slower (FirstPages)
        double fresh = delta ? timeline.pages() - timeline.resent() - timeline.zeroPages() - newBefore : 0;
        double sendSeconds = ledger.cost.transferSeconds(bytes, ledger.cost.bytesCompressed - compressedBefore, rate)
                + spec.overheads().firstPages().extraSeconds(fresh * pageSize, rate);
        double seconds = spec.switchOverWorkSeconds(timeline.zeroPages() - zeroBefore) + sendSeconds
                + spec.link().oneWaySeconds();
        double switchOver = nas.switchOverSeconds(bytes, seconds);
        double commitAt = clock + Math.max(0, switchOver - spec.link().oneWaySeconds());
        if (failures.failedSending(Stage.STOP_AND_COPY, commitAt - clock, bytes, nas)) return;
        nas.account(timeline, Phase.STOP_AND_COPY, 0, bytes);
        // commit: the last byte reaches the destination, which then holds a consistent image and acknowledges;
        // it activates without waiting for the source (QEMU: migration/migration.c process_incoming_migration_bh)
        timeline.stage(Stage.COMMIT, commitAt);
        double activationAt = clock + switchOver;
        clock = commitAt;
        if (failures.failedIn(Stage.COMMIT, activationAt - commitAt)) return;
        clock = activationAt;
        if (resumeOnDestination()) return;
        finish(reason, true);
    }

    /** Give up: the guest keeps running on the source. */
    @Override
    public void cancel(StopReason reason) {
        requireRunning();
        finish(reason, false);
    }

    /**
     * Pause, send the device state, resume on the destination, then push every page still at the source in the
     * background while the guest faults in the ones it touches first.
     */
    @Override
    public void switchToPostCopy(StopReason reason) {
        requireRunning();
        failures.postCopyOrder = true;
        timeline.stage(Stage.STOP_AND_COPY, clock);
        ledger.sync();
        long bytes = spec.overheads().deviceState().bytes();
        double switchSeconds = spec.switchOverWorkSeconds(0) + ledger.cost.transferSeconds(bytes, 0,
                switchOverBandwidth) + spec.link().oneWaySeconds();
        if (failures.failedSending(Stage.STOP_AND_COPY, switchSeconds, bytes, null)) return;
        timeline.sent(Phase.STOP_AND_COPY, bytes);
        clock += switchSeconds;
        if (resumeOnDestination()) return;
        timeline.stage(Stage.POSTCOPY, clock);
        new PostCopyPusher(this).run();
        if (finished) return;
        // commit: every page arrived; the destination's word reaches the source, which is released
        timeline.stage(Stage.COMMIT, clock);
        if (failures.failedIn(Stage.COMMIT, spec.link().oneWaySeconds())) return;
        clock += spec.link().oneWaySeconds();
        finish(reason, true);
    }

    public MigrationResult result(String backend) {
        if (!finished) throw new IllegalStateException("the algorithm ended without finishing the migration");
        return ResultAssembler.assemble(backend, spec.algorithm(), timeline, failures.plan.notes());
    }

    void release() { ledger.release(); } // after result(): no page is read again; the bitmaps serve the next run

    // ---- used by PostCopyPusher ----

    PageBitmap pending() { return ledger.toSend; }

    int pageSize() { return pageSize; }
    PageCostModel pageCosts() { return ledger.cost; } // a zero page goes as a zero-page header

    /** Advances the guest on the destination by {@code guestSeconds}, feeding the pages it touches to {@code sink}. */
    void runGuestOnDestination(double guestSeconds, PageSink sink) {
        writer.write(guestClock, guestClock + guestSeconds, sink);
        guestClock += guestSeconds;
    }

    /** Advances the guest on the destination without drawing its writes (none of them can fault any more). */
    void runGuestOnDestinationUnobserved(double guestSeconds) { guestClock += guestSeconds; }

    void advanceWall(double seconds, double lostSeconds) { clock += seconds; timeline.guestRan(seconds, lostSeconds); }

    /** Sends the pages {@code bits} of word {@code word} during post-copy; the caller clears them from the bitmap. */
    long sendPostCopy(int word, long bits) {
        long b = ledger.sendLast(word, bits);
        timeline.sent(Phase.POSTCOPY, b);
        return b;
    }

    /** The bandwidth QEMU would have measured: {@link #roundRate} times PassSender.windowShare. */
    private double measuredBandwidth() { return roundRate() * thresholdFactor * pass.windowShare; }
    /** The last round's bytes over their time at the cap (or the compressor's pace), or the link's rate. */
    private double roundRate() {
        // NAS-assisted: the rest goes straight at the switch-over, not at the pace of the relayed rounds
        if (nas.relayed(timeline.roundCount() - 1)) return bandwidth;
        return lastRoundSeconds > 0 ? lastRoundBytes / lastRoundSeconds : bandwidth;
    }

    void runGuestOnSource(double wallSeconds) {
        if (wallSeconds <= 0) return;
        double running = spec.writeModel().runningShare(throttlePercent);
        double guest = throttlePercent == 0 ? wallSeconds * running
                : autoConverge.guestSeconds(clock, clock + wallSeconds, running);
        writer.write(guestClock, guestClock + guest, ledger.logWrites);
        guestClock += guest;
        clock += wallSeconds;
        timeline.guestRan(wallSeconds, wallSeconds * (1 - running));
    }

    /** Activation: the destination loads the device state, starts the guest and announces it; true if it failed. */
    private boolean resumeOnDestination() {
        timeline.stage(Stage.ACTIVATION, clock);
        spec.overheads().announce().into(timeline.stageLog());
        double resumed = clock + spec.overheads().resume().toNanos() / 1e9;
        if (failures.failedIn(Stage.ACTIVATION, resumed - clock)) return true;
        clock = resumed;
        return false;
    }

    @Override
    public boolean ended() { return finished; }

    void finish(StopReason reason, boolean completed) {
        finished = true;
        timeline.add(new Timeline.Finished(clock, reason, completed));
    }

    private void requireRunning() {
        if (!started) throw new IllegalStateException("call start() first");
        if (finished) throw new IllegalStateException("the migration has already finished");
    }
}
