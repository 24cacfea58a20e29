package io.miglab.datacenter.migration;

import io.miglab.core.result.Stage;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.spec.FailurePlan;
import io.miglab.core.spec.FailureSpec.Consequence;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.datacenter.engine.ScheduledEvent;
import io.miglab.datacenter.engine.Simulator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The staged protocol's side of a {@link RateMigration}: the destination's reservation (or its refusal) and an
 * injected failure carried out at its time in its stage. What a failure leaves behind is {@link FailurePlan}'s
 * (the same as the page-level session's): before commit the flow stops and the guest stays on the source (once
 * the source has noticed) unless the source crashed; in post-copy after activation a link down is recovered
 * (detect, reconnect, a round trip, then the received bitmap and the in-flight bytes go again) and a crash loses
 * the guest. See docs/protocol.md.
 */
final class RateFailures {
    private final Simulator sim;
    private final MigrationSpec spec;
    private final Timeline timeline;
    private final FlowTransfer stream;
    /** Stops every pending step and the stream; returns the bytes of the send in progress not yet sent. */
    private final DoubleSupplier halt;
    private final Consumer<StopReason> end;
    /** Seconds since the migration started. */
    private final DoubleSupplier clock;
    private final FailurePlan plan;
    private ScheduledEvent armed;
    /** The migration switched to post-copy: activation comes before the post-copy stage, commit last. */
    private boolean postCopyOrder;
    /** The bytes of the send in progress were counted when it began (stop-and-copy, post-copy push). */
    private boolean sendCounted;
    private double sendBytes;
    private Phase sendPhase = Phase.PRECOPY;

    RateFailures(Simulator sim, MigrationSpec spec, Timeline timeline, FlowTransfer stream, DoubleSupplier halt,
                 Consumer<StopReason> end, DoubleSupplier clock) {
        this.sim = sim;
        this.spec = spec;
        this.timeline = timeline;
        this.stream = stream;
        this.halt = halt;
        this.end = end;
        this.clock = clock;
        this.plan = new FailurePlan(spec);
    }

    void switchedToPostCopy() {
        postCopyOrder = true;
    }

    /** A send of {@code bytes} begins; {@code counted}: the timeline has them already. */
    void sending(Phase phase, double bytes, boolean counted) {
        sendPhase = phase;
        sendBytes = bytes;
        sendCounted = counted;
    }

    /** Stage {@code s} begins now (migration clock {@code clock}): arms the failure if it aims at it. */
    void stageBegan(Stage s, double clock) {
        if (armed != null) armed.cancel();
        armed = null;
        double at = plan.hits(s, clock, Double.POSITIVE_INFINITY);
        if (!Double.isNaN(at)) armed = sim.after(at - clock, e -> strike(s));
    }

    /** The reservation: the destination's refusal, if any, ends the migration with the guest on the source. */
    boolean refused(double clock) {
        Optional<String> refusal = spec.protocol().refusal(spec.memory().bytes());
        if (refusal.isEmpty()) return false;
        if (armed != null) armed.cancel();
        halt.getAsDouble();
        timeline.fate(FailurePlan.refused(refusal.get(), clock));
        end.accept(StopReason.REFUSED);
        return true;
    }

    /** Cancels a failure still armed (the migration ended before it came). */
    void disarm() {
        if (armed != null) armed.cancel();
        armed = null;
    }

    private void strike(Stage s) {
        armed = null;
        Consequence c = plan.consequence(postCopyOrder);
        plan.fire();
        if (c == Consequence.NO_EFFECT) {
            timeline.fate(plan.fate(c, 0, 0));
            return;
        }
        if (c == Consequence.RECOVER) {
            recover();
            return;
        }
        double left = halt.getAsDouble();
        double sentShare = Math.max(0, sendBytes - left);
        if (s == Stage.PRECOPY && !sendCounted) timeline.sent(Phase.PRECOPY, sentShare);
        else if (sendCounted) timeline.sent(sendPhase, -left);
        sendBytes = 0;
        double notice = c == Consequence.VM_ON_SOURCE ? plan.noticeSeconds() : 0;
        timeline.fate(plan.fate(c, timeline.bytes(), clock.getAsDouble() + notice));
        if (notice > 0) sim.after(notice, e -> end.accept(StopReason.FAILED));
        else end.accept(StopReason.FAILED);
    }

    /** Post-copy, link down: the push waits for the outage, then the bitmap and what was in flight go again. */
    private void recover() {
        double rate = stream.rateOrPathCapacity();
        double resend = plan.resendBytes(spec.memory().pages(), spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES, rate);
        double seconds = plan.outageSeconds() + resend / rate;
        timeline.sent(Phase.POSTCOPY, resend);
        stream.stall(plan.outageSeconds(), resend);
        timeline.fate(plan.fate(Consequence.RECOVER, resend, seconds));
    }
}
