package io.miglab.core.sim;

import io.miglab.core.result.Stage;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.spec.FailurePlan;
import io.miglab.core.spec.FailureSpec.Consequence;
import io.miglab.core.spec.Optimisations;
import java.util.Optional;

/**
 * The staged protocol's side of a {@link MigrationSession}: preparation and reservation (or the destination's
 * refusal), and an injected failure carried out where it falls (see {@link FailurePlan} and docs/protocol.md).
 */
final class SessionFailures {
    private final MigrationSession session;
    final FailurePlan plan;
    /** The migration switched to post-copy: activation comes before the post-copy stage, commit last. */
    boolean postCopyOrder;

    SessionFailures(MigrationSession session) {
        this.session = session;
        this.plan = new FailurePlan(session.spec());
    }

    /** Preparation and reservation with the guest running on the source; false if the migration ended there. */
    boolean prepareAndReserve() {
        session.timeline.stage(Stage.PREPARATION, 0);
        double preparation = session.spec().overheads().preparation().toNanos() / 1e9;
        if (failedIn(Stage.PREPARATION, preparation)) return false;
        session.runGuestOnSource(preparation);
        session.timeline.stage(Stage.RESERVATION, session.clock);
        double reservation = session.spec().protocol().reservationSeconds();
        if (failedIn(Stage.RESERVATION, reservation)) return false;
        session.runGuestOnSource(reservation);
        Optional<String> refusal = session.spec().protocol().refusal(session.spec().memory().bytes());
        if (refusal.isEmpty()) return true;
        session.timeline.fate(FailurePlan.refused(refusal.get(), session.clock));
        session.finish(StopReason.REFUSED, false);
        return false;
    }

    /** A stage of {@code seconds} begins now; true if the failure hit it and ended the migration. */
    boolean failedIn(Stage stage, double seconds) {
        double at = plan.hits(stage, session.clock, seconds);
        if (Double.isNaN(at)) return false;
        double before = session.clock;
        session.clock = at;
        if (fail()) return true;
        session.clock = before;
        return false;
    }

    /**
     * A stage that sends {@code bytes} over {@code seconds} begins now; if the failure hits it, the share of the
     * bytes sent by then counts (the pages had all been counted as sent) and the migration ends.
     */
    boolean failedSending(Stage stage, double seconds, long bytes, NasRelay nas) {
        double at = plan.hits(stage, session.clock, seconds);
        if (Double.isNaN(at)) return false;
        long sent = seconds > 0 ? Math.round(bytes * (at - session.clock) / seconds) : bytes;
        if (nas != null) nas.account(session.timeline, Phase.STOP_AND_COPY, 0, sent);
        else session.timeline.sent(Phase.STOP_AND_COPY, sent);
        session.clock = at;
        return fail();
    }

    /**
     * The failure happens now: the migration ends with the guest on the source (once the source has noticed) or
     * lost; true then. A failure with no effect is only recorded; false.
     */
    boolean fail() {
        Consequence c = plan.consequence(postCopyOrder);
        plan.fire();
        if (c == Consequence.NO_EFFECT) {
            session.timeline.fate(plan.fate(c, 0, 0));
            return false;
        }
        if (c == Consequence.VM_ON_SOURCE) session.clock += plan.noticeSeconds();
        session.timeline.fate(plan.fate(c, session.timeline.bytes(), session.clock));
        session.finish(StopReason.FAILED, false);
        return true;
    }

    /** Seconds from now to a failure still to come in the post-copy stage (infinite if none). */
    double untilPostCopyFailure() {
        if (!plan.pending(Stage.POSTCOPY)) return Double.POSITIVE_INFINITY;
        double at = plan.hits(Stage.POSTCOPY, session.timeline.stageLog().currentStart(), Double.POSITIVE_INFINITY);
        return Math.max(0, at - session.clock);
    }

    /**
     * Called by the post-copy pusher after each slice: if the failure's time in the post-copy stage has come, a
     * link down is recovered (the guest stalls on missing pages meanwhile; the bitmap and what was in flight go
     * again) and the push goes on, false; a crash loses the guest, true.
     */
    boolean postCopyFailed(boolean guestNeedsPages, double bandwidth) {
        double stageStart = session.timeline.stageLog().currentStart();
        if (Double.isNaN(plan.hits(Stage.POSTCOPY, stageStart, session.clock - stageStart))) return false;
        if (plan.consequence(true) != Consequence.RECOVER) return fail();
        plan.fire();
        double resend = plan.resendBytes(session.spec().memory().pages(),
                session.pageSize() + Optimisations.PAGE_HEADER_BYTES, bandwidth);
        double seconds = plan.outageSeconds() + resend / bandwidth;
        session.timeline.sent(Phase.POSTCOPY, resend);
        session.advanceWall(seconds, guestNeedsPages ? seconds : 0);
        session.timeline.fate(plan.fate(Consequence.RECOVER, resend, seconds));
        return false;
    }
}
