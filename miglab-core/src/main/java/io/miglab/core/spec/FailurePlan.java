package io.miglab.core.spec;

import io.miglab.core.result.Fate;
import io.miglab.core.result.Stage;
import io.miglab.core.result.VmLocation;
import io.miglab.core.spec.FailureSpec.Consequence;
import java.util.List;
import java.util.Optional;

/**
 * One migration's injected failure as the engines carry it out (the page-level session, the closed form and the
 * rate-based migration share it): whether it hits a stage, how long the survivors take to notice, what a post-copy
 * recovery costs, and the {@link Fate} it leaves. A failure happens at most once.
 */
public final class FailurePlan {
    private final Optional<FailureSpec> failure;
    private final ProtocolOptions protocol;
    private final double roundTripSeconds;
    private boolean fired;

    public FailurePlan(MigrationSpec spec) {
        this.failure = spec.protocol().failure();
        this.protocol = spec.protocol();
        this.roundTripSeconds = spec.link().roundTripSeconds();
    }

    /** The failure is still to come and aims at stage {@code s}. */
    public boolean pending(Stage s) {
        return failure.isPresent() && !fired && failure.get().stage() == s;
    }

    /**
     * When the failure hits stage {@code s}, begun at {@code startSeconds} and lasting {@code seconds}: the time
     * (from the migration's start), or NaN if it aims elsewhere or the stage ends first (the end itself counts).
     */
    public double hits(Stage s, double startSeconds, double seconds) {
        if (!pending(s) || failure.get().atSeconds() > seconds + 1e-12) return Double.NaN;
        return startSeconds + failure.get().atSeconds();
    }

    /** Marks the failure as happened; returns it. */
    public FailureSpec fire() {
        fired = true;
        return failure.orElseThrow();
    }

    public Consequence consequence(boolean postCopyOrder) {
        return failure.orElseThrow().consequence(postCopyOrder);
    }

    /**
     * How long the side that survives takes to notice: a crashed destination's kernel resets the connection (a
     * round trip), a link down is noticed after the detect time, a source crash leaves nobody to notice.
     */
    public double noticeSeconds() {
        switch (failure.orElseThrow().kind()) {
            case DESTINATION_CRASH:
                return roundTripSeconds;
            case LINK_DOWN:
                return protocol.detectSeconds();
            default:
                return 0;
        }
    }

    /**
     * Post-copy recovery after a link down: detect, reconnect, then the resume handshake (a round trip). QEMU:
     * postcopy-paused on both sides, migrate-recover on the destination, migrate resume=true on the source
     * (migration/migration.c, qapi/migration.json).
     */
    public double outageSeconds() {
        return protocol.detectSeconds() + protocol.reconnectSeconds() + roundTripSeconds;
    }

    /**
     * What a recovery sends again: the destination's received-page bitmap, one bit per page, back to the source
     * (ram.c ram_dirty_bitmap_reload, MIG_RP_MSG_RECV_BITMAP), and the pages that were in flight when the link
     * broke (the link's bandwidth-delay product, at least one page).
     */
    public double resendBytes(long pages, double pageWireBytes, double bytesPerSecond) {
        return Math.ceil(pages / 8.0) + Math.max(pageWireBytes, bytesPerSecond * roundTripSeconds);
    }

    /** The fate a failure with consequence {@code c} leaves. */
    public Fate fate(Consequence c, double wastedBytes, double wastedSeconds) {
        FailureSpec f = failure.orElseThrow();
        String stage = f.stage().label();
        switch (c) {
            case VM_ON_SOURCE:
                return new Fate(VmLocation.SOURCE, f.label(), stage, Math.round(wastedBytes), wastedSeconds * 1000);
            case VM_LOST:
                return new Fate(VmLocation.LOST, f.label(), stage, Math.round(wastedBytes), wastedSeconds * 1000);
            case RECOVER:
                return new Fate(VmLocation.DESTINATION, f.label() + ", recovered", stage, Math.round(wastedBytes),
                        wastedSeconds * 1000);
            default:
                return new Fate(VmLocation.DESTINATION, f.label() + " (no effect: the destination held everything)",
                        stage, 0, 0);
        }
    }

    /** The fate of a reservation the destination refused. */
    public static Fate refused(String reason, double wastedSeconds) {
        return new Fate(VmLocation.SOURCE, reason, Stage.RESERVATION.label(), 0, wastedSeconds * 1000);
    }

    /** A line for the assumptions when the failure never came (its stage ended sooner or was not reached). */
    public List<String> notes() {
        if (failure.isEmpty() || fired) return List.of();
        return List.of("failure " + failure.get().label() + " not injected: " + failure.get().stage().label()
                + " was not reached or ended sooner");
    }
}
