package io.miglab.datacenter.migration;

import io.miglab.core.algorithm.MigrationAlgorithm;
import io.miglab.core.algorithm.MigrationEngine;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.ResultAssembler;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.write.WriteModel;
import io.miglab.datacenter.engine.ScheduledEvent;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Flow;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.util.List;
import java.util.Optional;

/**
 * One migration in the rate-based model: it carries out an algorithm's actions (a pre-copy round, stop-and-copy,
 * switch to post-copy, cancel) as timed phases instead of page loops, asking the algorithm when a phase's events
 * come (rounds take simulated time shared with other migrations). A round sends D_i pages over a
 * {@link FlowTransfer}, a {@link Flow} whose rate the network sets (and may change mid-round: then the round's end
 * is rescheduled); the pages dirtied during it are {@code writeModel.expectedDistinctPages(guestSeconds, pages)}
 * with guestSeconds the round's wall time less the throttle. It fills a {@link Timeline} like the page-level
 * session, so core's {@link ResultAssembler} computes the metrics (docs/datacenter.md); {@link NasStreams} routes
 * the bytes (straight; with {@code nasNode}, a NAS's copy and relay).
 */
public final class RateMigration implements MigrationEngine {
    private final Simulator sim;
    private final MigrationSpec spec;
    private final MigrationAlgorithm algorithm;
    private final ThrottleRule throttleRule;
    private final MigrationListener listener;
    private final String backend;
    private final int pages;
    private final PageCosts costs;
    private final WriteModel writes;
    private final FlowTransfer stream;
    private final Timeline timeline = new Timeline();
    private final RateFailures failures;
    private final StoragePhase storage;
    private final NasStreams nas;
    private ScheduledEvent next;
    private double startTime = Double.NaN;
    private double dirtyPages, zeroPagesLeft, previousRoundPages;
    private int throttlePercent;
    private double lastRoundBytes, lastRoundSendSeconds;
    private boolean finished;
    private MigrationResult result;

    public RateMigration(Simulator sim, Network network, List<NetworkLink> path, NasNode nasNode, MigrationSpec spec,
                         MigrationAlgorithm algorithm, ThrottleRule throttleRule, MigrationListener listener,
                         String backend) {
        this.sim = sim;
        this.spec = spec;
        this.algorithm = algorithm;
        this.throttleRule = throttleRule;
        this.listener = listener == null ? new MigrationListener() { } : listener;
        this.stream = new FlowTransfer(sim, network, path, (o, n) -> this.listener.rateChanged(this, o, n));
        this.backend = backend;
        this.pages = spec.memory().pages();
        this.costs = new PageCosts(spec);
        this.writes = spec.writeModel();
        this.failures = new RateFailures(sim, spec, timeline, stream, this::halt, r -> finish(r, false),
                this::clockSeconds);
        this.storage = new StoragePhase(sim, spec, timeline, stream, this::stage);
        this.nas = new NasStreams(sim, network, nasNode, timeline, stream);
    }

    @Override
    public MigrationSpec spec() { return spec; }
    @Override
    public int roundsDone() { return timeline.roundCount(); }
    /** Seconds since the migration started. */
    @Override
    public double clockSeconds() { return sim.now() - startTime; }

    /** The rate the stream has now, in bytes per second. */
    public double rateBytesPerSecond() { return stream.rate(); }

    public boolean isFinished() { return finished; }
    public MigrationResult result() { return result; }

    /** Starts now: the preparation passes with the guest running, then the algorithm takes over. */
    public void start() {
        if (!Double.isNaN(startTime)) throw new IllegalStateException("start() called twice");
        startTime = sim.now();
        timeline.add(new Timeline.Started(0));
        stage(Stage.PREPARATION);
        double prep = seconds(spec.overheads().preparation());
        runGuestOnSource(prep);
        zeroPagesLeft = costs.zeroElision ? pages * spec.memory().zeroPageShare()
                * (1 - writes.expectedDistinctPages(prep, pages) / pages) : 0;
        after(prep, s -> {
            stage(Stage.RESERVATION);
            if (failures.refused(clockSeconds())) return;
            // with multifd the cap and the packets charged to no period (Optimisations.precopyRate)
            stream.open(Math.min(spec.link().bandwidthCap().map(r -> spec.optimisations().precopyRate(spec.link())
                    .bytesPerSecond()).orElse(Double.POSITIVE_INFINITY), costs.compressorWireCap));
            storage.run(() -> carryOut(algorithm.first(this)));
        });
    }

    /** One pre-copy round: send the pages to send while the guest runs, then sync the dirty log. */
    @Override
    public void precopyRound() {
        requireRunning();
        if (timeline.stageLog().current() != Stage.PRECOPY) stage(Stage.PRECOPY);
        int round = timeline.roundCount();
        double sendPages = round == 0 ? pages : dirtyPages;
        double zero = round == 0 ? zeroPagesLeft : 0;
        double hits = round >= 2 ? costs.xbzrleHits(sendPages, previousRoundPages) : 0;
        double bytes = zero * costs.zeroPage + hits * costs.deltaPage + (sendPages - zero - hits) * costs.dataPage;
        timeline.pagesSent(sendPages, round == 0 ? 0 : sendPages, zero);
        if (round == 0) zeroPagesLeft = 0;
        double roundStart = sim.now();
        int throttleInRound = throttlePercent;
        failures.sending(Phase.PRECOPY, bytes, false);
        nas.send(round, bytes, () -> {
            double sendSeconds = sim.now() - roundStart;
            double sync = spec.overheads().syncSeconds(spec.memory().bytes());
            after(sync, s -> endRound(round, sendPages, bytes, sendSeconds, sendSeconds + sync,
                    throttleInRound));
        });
    }

    private void endRound(int round, double sentPages, double bytes, double sendSeconds, double roundSeconds,
                          int throttleInRound) {
        double guestSeconds = runGuestOnSource(roundSeconds);
        double dirtied = Math.min(pages, writes.expectedDistinctPages(guestSeconds, pages));
        nas.account(Phase.PRECOPY, round, bytes);
        lastRoundBytes = bytes;
        lastRoundSendSeconds = sendSeconds;
        previousRoundPages = sentPages;
        dirtyPages = dirtied;
        if (throttleRule != null) {
            throttlePercent = throttleRule.afterSync(clockSeconds(), roundSeconds, sendSeconds,
                    dirtied * costs.pageSize, bytes, throttlePercent);
            timeline.throttled(throttlePercent);
        }
        timeline.add(new Timeline.RoundEnded(clockSeconds(), new RoundStats(round, Math.round(sentPages),
                Math.round(bytes), roundSeconds * 1000, roundSeconds > 0 ? dirtied / roundSeconds : 0,
                throttleInRound)));
        carryOut(algorithm.afterRound(this));
    }

    /** The policy's verdict after a round, exactly as the page-level session decides it. */
    @Override
    public Optional<StopReason> verdict() {
        double measured = (lastRoundSendSeconds > 0 && !nas.relayed(timeline.roundCount() - 1)
                ? lastRoundBytes / lastRoundSendSeconds : stream.rateOrPathCapacity())
                * spec.optimisations().thresholdRateFactor(spec.link());
        return spec.policy().verdict(new TerminationPolicy.Progress(Math.round(dirtyPages), costs.pageSize,
                measured, timeline.roundCount(), timeline.bytes(), spec.memory().bytes(), clockSeconds(),
                spec.fixedSwitchOverSeconds()));
    }

    /** Pause the guest, send what is still dirty plus the device state, resume on the destination. */
    @Override
    public void stopAndCopy(StopReason reason) {
        requireRunning();
        pause();
        boolean noRounds = timeline.roundCount() == 0;
        double sendPages = noRounds ? pages : dirtyPages;
        double zero = noRounds ? zeroPagesLeft : 0;
        double hits = timeline.roundCount() >= 2 ? costs.xbzrleHits(sendPages, previousRoundPages) : 0;
        double bytes = spec.overheads().deviceState().bytes() + zero * costs.zeroPage + hits * costs.deltaPage
                + (sendPages - zero - hits) * costs.dataPage;
        timeline.pagesSent(sendPages, noRounds ? 0 : sendPages, zero);
        nas.account(Phase.STOP_AND_COPY, -1, bytes);
        // after rounds QEMU lifts its cap (RATE_LIMIT_DISABLED): a flow of its own (PageCosts.switchOverCap)
        if (!noRounds && costs.liftsCap(spec)) stream.reopen(costs.switchOverCap(spec));
        Runnable send = () -> nas.send(-1, bytes, () -> {
            stage(Stage.COMMIT); // the last byte is there: the destination acknowledges and activates at once
            after(spec.link().oneWaySeconds(), s -> resumeOnDestination(() -> {
                nas.close();
                finish(reason, true);
            }));
        });
        failures.sending(Phase.STOP_AND_COPY, bytes, true);
        double work = spec.switchOverWorkSeconds(zero); // the last sync and the zero-page checks come first
        if (work > 0) after(work, s -> send.run()); else send.run();
    }

    /** Give up: the guest keeps running on the source. */
    @Override
    public void cancel(StopReason reason) {
        requireRunning();
        nas.close();
        finish(reason, false);
    }

    /** Pause, send the device state, resume on the destination, then push every page still at the source. */
    @Override
    public void switchToPostCopy(StopReason reason) {
        requireRunning();
        failures.switchedToPostCopy();
        pause();
        double device = spec.overheads().deviceState().bytes();
        timeline.sent(Phase.STOP_AND_COPY, device);
        boolean noRounds = timeline.roundCount() == 0;
        double pending = noRounds ? pages : dirtyPages;
        double zero = noRounds ? zeroPagesLeft : 0;
        failures.sending(Phase.STOP_AND_COPY, device, true);
        stream.send(device, () -> after(spec.link().oneWaySeconds(), s -> resumeOnDestination(() -> {
            stage(Stage.POSTCOPY);
            double bytes = zero * costs.zeroPage + (pending - zero) * costs.dataPage;
            timeline.pagesSent(pending, noRounds ? 0 : pending, zero);
            timeline.sent(Phase.POSTCOPY, bytes);
            // the post-copy phase has its own cap, the destination's pace of placing pages and an uncapped tail
            boolean ownPace = spec.postCopyZeroPageSeconds() > 0 || spec.postCopyCompletionBytes() > 0;
            if (!spec.link().postCopyCap().equals(spec.link().bandwidthCap()) || ownPace) {
                stream.reopen(PageCosts.postCopyRate(spec, costs, bytes, zero, pending));
            }
            double pushStart = sim.now();
            failures.sending(Phase.POSTCOPY, bytes, true);
            stream.send(bytes, () -> {
                postCopyFaults(pending, noRounds ? 0 : pages, sim.now() - pushStart, bytes);
                stage(Stage.COMMIT);
                after(spec.link().oneWaySeconds(), s2 -> {
                    stream.close();
                    finish(reason, true);
                });
            });
        })));
    }

    /** Expected faults: the guest touches expectedDistinctPages(T) pages in a push of T s, half the pending pages
     * still at the source (each a round trip + a page); the pause after the switch is core.spec.ResumeFaults'. */
    private void postCopyFaults(double pending, double firstPassSent, double pushSeconds, double bytes) {
        double touched = writes.expectedDistinctPages(pushSeconds, pages);
        double faults = Math.min(pending, touched * pending / pages / 2);
        double stall = faults * (spec.link().roundTripSeconds()
                + costs.dataPage / (pushSeconds > 0 ? bytes / pushSeconds : stream.rateOrPathCapacity()));
        timeline.faulted(faults);
        timeline.guestRan(pushSeconds, Math.min(pushSeconds, stall));
        double readPending = ResumeFaults.readPendingShare(spec, firstPassSent, pending);
        timeline.pausedAfterResume(spec.overheads().resumeFaults().pauseSeconds(spec, readPending, pushSeconds));
    }

    private void pause() {
        stage(Stage.STOP_AND_COPY);
        listener.paused(this);
    }

    private void resumeOnDestination(Runnable then) {
        stage(Stage.ACTIVATION);
        spec.overheads().announce().into(timeline.stageLog()); // rounds after the start, no flow (net/announce.c)
        after(seconds(spec.overheads().resume()), s -> {
            listener.resumed(this);
            then.run();
        });
    }

    private void stage(Stage s) {
        timeline.stage(s, clockSeconds());
        failures.stageBegan(s, clockSeconds());
    }

    private void after(double delaySeconds, ScheduledEvent.Action action) {
        next = sim.after(delaySeconds, action);
    }

    /** An injected failure: nothing more happens but its end; the bytes of the send in progress not yet sent. */
    private double halt() {
        if (next != null) next.cancel();
        return nas.abort();
    }

    private void finish(StopReason reason, boolean completed) {
        failures.disarm();
        finished = true;
        timeline.add(new Timeline.Finished(clockSeconds(), reason, completed));
        result = storage.apply(ResultAssembler.assemble(backend, spec.algorithm(), timeline,
                List.of("rate-based: dirtied pages per round = expectedDistinctPages(round guest seconds)")));
        listener.finished(this, result);
    }

    /** Guest time that passes on the source in {@code wallSeconds} at the current throttle. */
    private double runGuestOnSource(double wallSeconds) {
        if (wallSeconds <= 0) return 0;
        double running = 1 - throttlePercent / 100.0;
        timeline.guestRan(wallSeconds, wallSeconds * (1 - running));
        return wallSeconds * running;
    }

    private void requireRunning() {
        if (Double.isNaN(startTime)) throw new IllegalStateException("call start() first");
        if (finished) throw new IllegalStateException("the migration has already finished");
    }

    private static double seconds(java.time.Duration d) { return d.toNanos() / 1e9; }
}
