package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Stage;
import io.miglab.core.unit.TimeSpan;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A failure injected into one migration: what breaks, in which stage, and how long after the stage began
 * ({@code destination-crash@pre-copy+2s}). It happens only if the stage is under way at that time (a stage that
 * ends sooner, or is never reached, leaves the migration as it was). What it leaves behind follows the protocol,
 * {@link #consequence}; see docs/protocol.md.
 *
 * @param kind  what breaks
 * @param stage the stage it hits
 * @param at    time from the stage's start
 */
public record FailureSpec(FailureKind kind, Stage stage, Duration at) {
    public static final String FIELD = "fail";
    public static final String SYNTAX = "KIND@STAGE+TIME";
    public static final String ALLOWED = "KIND@STAGE+TIME with KIND one of "
            + Arrays.stream(FailureKind.values()).map(FailureKind::label).collect(Collectors.joining(", "))
            + ", STAGE one of " + Arrays.stream(Stage.values()).map(Stage::label).collect(Collectors.joining(", "))
            + ", TIME a duration >= 0 (e.g. destination-crash@pre-copy+2s)";

    public FailureSpec {
        InvalidSpecException.require(kind != null && stage != null && at != null && !at.isNegative(), FIELD,
                ALLOWED, kind + "@" + stage + "+" + at);
    }

    /** What a failure leaves behind. */
    public enum Consequence {
        /** Before commit: the source is primary; it resumes (or never stopped) the guest. */
        VM_ON_SOURCE,
        /** The only usable copy of the guest was on the side that crashed, or the link broke with no recovery. */
        VM_LOST,
        /** Post-copy after activation, link down: the channel is re-established and the migration goes on. */
        RECOVER,
        /** Nothing the migration needs was lost (the side or link was no longer needed). */
        NO_EFFECT
    }

    /** Parses {@code KIND@STAGE+TIME}; a one-line {@link InvalidSpecException} naming the syntax otherwise. */
    public static FailureSpec parse(String text) {
        String t = text == null ? "" : text.trim();
        int atSign = t.indexOf('@'), plus = t.lastIndexOf('+');
        InvalidSpecException.require(atSign > 0 && plus > atSign + 1 && plus < t.length() - 1, FIELD, ALLOWED, t);
        FailureKind kind = FailureKind.byLabel(t.substring(0, atSign));
        InvalidSpecException.require(kind != null, FIELD, ALLOWED, t);
        Stage stage;
        try {
            stage = Stage.byLabel(t.substring(atSign + 1, plus));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(FIELD, ALLOWED, t);
        }
        Duration at;
        try {
            at = TimeSpan.parse(FIELD, t.substring(plus + 1));
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(FIELD, ALLOWED, t);
        }
        return new FailureSpec(kind, stage, at);
    }

    /** As the user writes it: {@code destination-crash@pre-copy+2s}. */
    public String label() {
        return kind.label() + "@" + stage.label() + "+" + InvalidSpecException.describe(at);
    }

    public double atSeconds() {
        return at.toNanos() / 1e9;
    }

    /**
     * What this failure leaves behind, by the protocol (Clark et al. 2005, section 3.1: until commit the source is
     * primary and must be able to resume). {@code postCopyOrder}: the migration switched to post-copy, so activation
     * precedes the post-copy stage and commit comes last; once the guest has run on the destination, neither side
     * alone holds all of it (QEMU: postcopy-paused, then migrate-recover and migrate resume=true for a broken link;
     * migration/postcopy-ram.c, qapi/migration.json).
     */
    public Consequence consequence(boolean postCopyOrder) {
        boolean afterCommit = !postCopyOrder && stage == Stage.ACTIVATION;
        boolean destinationRan = postCopyOrder && (stage == Stage.POSTCOPY || stage == Stage.COMMIT);
        if (afterCommit || destinationRan && stage == Stage.COMMIT) {
            // the destination holds everything and is primary: only its own crash loses the guest
            return kind == FailureKind.DESTINATION_CRASH ? Consequence.VM_LOST : Consequence.NO_EFFECT;
        }
        if (destinationRan) return kind == FailureKind.LINK_DOWN ? Consequence.RECOVER : Consequence.VM_LOST;
        // before commit (post-copy: before the guest ran on the destination) the source holds the guest
        return kind == FailureKind.SOURCE_CRASH ? Consequence.VM_LOST : Consequence.VM_ON_SOURCE;
    }
}
