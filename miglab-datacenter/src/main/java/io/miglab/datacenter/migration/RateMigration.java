package io.miglab.datacenter.migration;

import io.miglab.core.algorithm.MigrationAlgorithm;
import io.miglab.core.algorithm.MigrationEngine;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.write.WriteModel;
import io.miglab.datacenter.engine.ScheduledEvent;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Flow;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One migration in the rate-based model: it carries out an algorithm's actions (a pre-copy round, stop-and-copy,
 * switch to post-copy, cancel) as timed phases instead of page loops, asking the algorithm when a phase's events
 * come (rounds take simulated time shared with other migrations). A round sends D_i
 * pages over a {@link Flow} whose rate the network sets (and may change mid-round: then the round's end is
 * rescheduled); the pages dirtied during it are {@code writeModel.expectedDistinctPages(guestSeconds, pages)}
 * with guestSeconds the round's wall time less the throttle. Metrics are those of the page-level
 * {@code ResultAssembler}; see docs/datacenter.md for the equations.
 */
public final class RateMigration implements MigrationEngine {
    /** What the datacenter hears of a migration. Every method has a default that does nothing. */
    public interface Listener {
        default void rateChanged(RateMigration m, double oldBytesPerSecond, double newBytesPerSecond) { }

        /** The guest stopped running on the source (the switch-over began). */
        default void paused(RateMigration m) { }

        /** The guest runs on the destination from now on. */
        default void resumed(RateMigration m) { }

        default void finished(RateMigration m, MigrationResult result) { }
    }

    private final Simulator sim;
    private final Network network;
    private final List<NetworkLink> path;
    private final MigrationSpec spec;
    private final MigrationAlgorithm algorithm;
    private final ThrottleRule throttleRule;
    private final Listener listener;
    private final String backend;
    private final int pages;
    private final PageCosts costs;
    private final WriteModel writes;
    private final RateLedger ledger = new RateLedger();
    private final List<RoundStats> rounds = new ArrayList<>();
    private double startTime = Double.NaN;
    private Flow flow;
    private double dirtyPages;
    private double zeroPagesLeft;
    private double previousRoundPages;
    private int throttlePercent;
    private double lastRoundBytes;
    private double lastRoundSendSeconds;
    private boolean finished;
    private MigrationResult result;
    // the transfer in progress
    private boolean sending;
    private double sendRemaining;
    private double sendLast;
    private ScheduledEvent sendDone;
    private Runnable afterSend;

    public RateMigration(Simulator sim, Network network, List<NetworkLink> path, MigrationSpec spec,
                         MigrationAlgorithm algorithm, ThrottleRule throttleRule, Listener listener, String backend) {
        this.sim = sim;
        this.network = network;
        this.path = List.copyOf(path);
        this.spec = spec;
        this.algorithm = algorithm;
        this.throttleRule = throttleRule;
        this.listener = listener == null ? new Listener() { } : listener;
        this.backend = backend;
        this.pages = spec.memory().pages();
        this.costs = new PageCosts(spec);
        this.writes = spec.writeModel();
    }

    @Override
    public MigrationSpec spec() { return spec; }

    @Override
    public int roundsDone() { return rounds.size(); }

    /** Seconds since the migration started. */
    @Override
    public double clockSeconds() { return sim.now() - startTime; }

    /** The rate the stream has now, in bytes per second. */
    public double rateBytesPerSecond() { return flow == null ? 0 : flow.rate(); }

    public boolean isFinished() { return finished; }

    public MigrationResult result() { return result; }

    /** Starts now: the preparation passes with the guest running, then the algorithm takes over. */
    public void start() {
        if (!Double.isNaN(startTime)) throw new IllegalStateException("start() called twice");
        startTime = sim.now();
        double prep = seconds(spec.overheads().preparation());
        runGuestOnSource(prep);
        zeroPagesLeft = costs.zeroElision ? pages * spec.memory().zeroPageShare()
                * (1 - writes.expectedDistinctPages(prep, pages) / pages) : 0;
        sim.after(prep, s -> {
            ledger.firstPageAt = clockSeconds();
            double cap = Math.min(spec.link().bandwidthCap().map(r -> r.bytesPerSecond())
                    .orElse(Double.POSITIVE_INFINITY), costs.compressorWireCap);
            flow = network.open(path, cap, this::rateChanged);
            carryOut(algorithm.first(this));
        });
    }

    /** One pre-copy round: send the pages to send while the guest runs, then sync the dirty log. */
    @Override
    public void precopyRound() {
        requireRunning();
        int round = rounds.size();
        double sendPages = round == 0 ? pages : dirtyPages;
        double zero = round == 0 ? zeroPagesLeft : 0;
        double hits = round >= 2 ? costs.xbzrleHits(sendPages, previousRoundPages) : 0;
        double bytes = zero * costs.zeroPage + hits * costs.deltaPage + (sendPages - zero - hits) * costs.dataPage;
        count(sendPages, zero, round == 0 ? 0 : sendPages);
        if (round == 0) zeroPagesLeft = 0;
        double roundStart = sim.now();
        int throttleInRound = throttlePercent;
        send(bytes, () -> {
            double sendSeconds = sim.now() - roundStart;
            double sync = seconds(spec.overheads().syncPerGiB()) * spec.memory().bytes() / (1024.0 * 1024 * 1024);
            sim.after(sync, s -> endRound(round, sendPages, bytes, sendSeconds, sendSeconds + sync,
                    throttleInRound));
        });
    }

    private void endRound(int round, double sentPages, double bytes, double sendSeconds, double roundSeconds,
                          int throttleInRound) {
        double guestSeconds = runGuestOnSource(roundSeconds);
        double dirtied = Math.min(pages, writes.expectedDistinctPages(guestSeconds, pages));
        ledger.precopyBytes += bytes;
        lastRoundBytes = bytes;
        lastRoundSendSeconds = sendSeconds;
        previousRoundPages = sentPages;
        dirtyPages = dirtied;
        if (throttleRule != null) {
            throttlePercent = throttleRule.afterSync(clockSeconds(), roundSeconds, sendSeconds,
                    dirtied * costs.pageSize, bytes, throttlePercent);
            ledger.maxThrottlePercent = Math.max(ledger.maxThrottlePercent, throttlePercent);
        }
        rounds.add(new RoundStats(round, Math.round(sentPages), Math.round(bytes), roundSeconds * 1000,
                roundSeconds > 0 ? dirtied / roundSeconds : 0, throttleInRound));
        carryOut(algorithm.afterRound(this));
    }

    /** The policy's verdict after a round, exactly as the page-level session decides it. */
    @Override
    public Optional<StopReason> verdict() {
        double measured = lastRoundSendSeconds > 0 ? lastRoundBytes / lastRoundSendSeconds : currentRate();
        return spec.policy().verdict(new TerminationPolicy.Progress(Math.round(dirtyPages), costs.pageSize,
                measured, rounds.size(), ledger.bytes(), spec.memory().bytes(), clockSeconds()));
    }

    /** Pause the guest, send what is still dirty plus the device state, resume on the destination. */
    @Override
    public void stopAndCopy(StopReason reason) {
        requireRunning();
        pause();
        boolean noRounds = rounds.isEmpty();
        double sendPages = noRounds ? pages : dirtyPages;
        double zero = noRounds ? zeroPagesLeft : 0;
        double hits = rounds.size() >= 2 ? costs.xbzrleHits(sendPages, previousRoundPages) : 0;
        double bytes = spec.overheads().deviceState().bytes() + zero * costs.zeroPage + hits * costs.deltaPage
                + (sendPages - zero - hits) * costs.dataPage;
        count(sendPages, zero, noRounds ? 0 : sendPages);
        ledger.stopCopyBytes += bytes;
        liftCapForSwitchOver();
        send(bytes, () -> sim.after(spec.link().oneWaySeconds(), s -> resumeOnDestination(() -> {
            closeFlow();
            finish(reason, true);
        })));
    }

    /** Give up: the guest keeps running on the source. */
    @Override
    public void cancel(StopReason reason) {
        requireRunning();
        closeFlow();
        finish(reason, false);
    }

    /** Pause, send the device state, resume on the destination, then push every page still at the source. */
    @Override
    public void switchToPostCopy(StopReason reason) {
        requireRunning();
        pause();
        double device = spec.overheads().deviceState().bytes();
        ledger.stopCopyBytes += device;
        boolean noRounds = rounds.isEmpty();
        double pending = noRounds ? pages : dirtyPages;
        double zero = noRounds ? zeroPagesLeft : 0;
        send(device, () -> sim.after(spec.link().oneWaySeconds(), s -> resumeOnDestination(() -> {
            double bytes = zero * costs.zeroPage + (pending - zero) * costs.dataPage;
            count(pending, zero, noRounds ? 0 : pending);
            ledger.postcopyBytes += bytes;
            double pushStart = sim.now();
            send(bytes, () -> {
                postCopyFaults(pending, sim.now() - pushStart, bytes);
                sim.after(spec.link().oneWaySeconds(), s2 -> {
                    closeFlow();
                    finish(reason, true);
                });
            });
        })));
    }

    /**
     * Expected post-copy faults: the guest touches expectedDistinctPages(T) pages during the push of T seconds,
     * and on average half of the pending pages are still at the source when it does. Each fault stalls the guest
     * a round trip plus the page's own transfer. An estimate; the page-level simulator counts them.
     */
    private void postCopyFaults(double pending, double pushSeconds, double bytes) {
        double touched = writes.expectedDistinctPages(pushSeconds, pages);
        double faults = Math.min(pending, touched * pending / pages / 2);
        double rate = pushSeconds > 0 ? bytes / pushSeconds : currentRate();
        double stall = faults * (spec.link().roundTripSeconds() + costs.dataPage / rate);
        ledger.faults += faults;
        ledger.guestRunSeconds += pushSeconds;
        ledger.guestLostSeconds += Math.min(pushSeconds, stall);
    }

    // ---- internals ----

    private void pause() {
        ledger.pausedAt = clockSeconds();
        listener.paused(this);
    }

    private void resumeOnDestination(Runnable then) {
        ledger.loadingAt = clockSeconds();
        sim.after(seconds(spec.overheads().resume()), s -> {
            ledger.resumedAt = clockSeconds();
            listener.resumed(this);
            then.run();
        });
    }

    private void finish(StopReason reason, boolean completed) {
        finished = true;
        ledger.endAt = clockSeconds();
        result = ledger.assemble(backend, spec, reason, completed, rounds);
        listener.finished(this, result);
    }

    private void count(double sentPages, double zero, double resent) {
        ledger.pages += sentPages;
        ledger.zeroPages += zero;
        ledger.resent += resent;
    }

    /** Guest time that passes on the source in {@code wallSeconds} at the current throttle. */
    private double runGuestOnSource(double wallSeconds) {
        if (wallSeconds <= 0) return 0;
        double running = 1 - throttlePercent / 100.0;
        ledger.guestRunSeconds += wallSeconds;
        ledger.guestLostSeconds += wallSeconds * (1 - running);
        return wallSeconds * running;
    }

    private double currentRate() {
        if (flow != null && flow.rate() > 0) return flow.rate();
        double min = Double.POSITIVE_INFINITY;
        for (NetworkLink l : path) min = Math.min(min, l.capacityBytesPerSecond());
        return min;
    }

    private void send(double bytes, Runnable then) {
        sending = true;
        sendRemaining = Math.max(0, bytes);
        sendLast = sim.now();
        afterSend = then;
        reschedule();
    }

    private void rateChanged(double oldRate, double newRate) {
        if (sending) {
            sendRemaining = Math.max(0, sendRemaining - oldRate * (sim.now() - sendLast));
            sendLast = sim.now();
        }
        listener.rateChanged(this, oldRate, newRate);
        if (sending) reschedule();
    }

    private void reschedule() {
        if (sendDone != null) sendDone.cancel();
        sendDone = null;
        double rate = flow == null ? 0 : flow.rate();
        if (sendRemaining <= 0) {
            sendDone = sim.at(sim.now(), s -> sendFinished());
        } else if (rate > 0) {
            sendDone = sim.at(sim.now() + sendRemaining / rate, s -> sendFinished());
        }
    }

    private void sendFinished() {
        sending = false;
        sendRemaining = 0;
        sendDone = null;
        Runnable then = afterSend;
        afterSend = null;
        then.run();
    }

    /**
     * QEMU sends the switch-over without its bandwidth cap (migration_completion_precopy calls
     * migration_rate_set(RATE_LIMIT_DISABLED)), as the page-level session does with Link.switchOverBandwidth():
     * the stream goes on as a new flow with only the compressor's limit, at its fair share of the links.
     */
    private void liftCapForSwitchOver() {
        if (flow == null || spec.link().bandwidthCap().isEmpty()) return;
        network.close(flow);
        flow = network.open(path, costs.compressorWireCap, this::rateChanged);
    }

    private void closeFlow() {
        if (flow != null) network.close(flow);
    }

    private void requireRunning() {
        if (Double.isNaN(startTime)) throw new IllegalStateException("call start() first");
        if (finished) throw new IllegalStateException("the migration has already finished");
    }

    private static double seconds(java.time.Duration d) { return d.toNanos() / 1e9; }
}
