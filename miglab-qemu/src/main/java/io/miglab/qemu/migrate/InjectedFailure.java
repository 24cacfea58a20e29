package io.miglab.qemu.migrate;

import io.miglab.core.result.Stage;
import java.time.Duration;

/**
 * A failure injected into a real migration, one per stage of the staged model (docs/protocol.md, "Real QEMU"): the
 * destination's QEMU gets SIGKILL (a host crash), or the link between the two is cut. {@link #stage()} names the
 * stage it hits.
 */
public sealed interface InjectedFailure {
    /** The stage this failure hits. */
    Stage stage();

    /** The destination dies after it was started and listens, before the source's {@code migrate}. */
    record BeforeMigrate() implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.RESERVATION;
        }
    }

    /** Kill the destination this long after {@code migrate}, if pre-copy is still running then. */
    record DuringPrecopy(Duration after) implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.PRECOPY;
        }
    }

    /**
     * At the switch-over: the source runs with QEMU's {@code pause-before-switchover} and stops in
     * {@code pre-switchover} with the guest paused; there the destination is killed ({@code killDestination}) or
     * not, and the migration cancelled ({@code migrate_cancel}), which resumes the guest on the source.
     */
    record AtSwitchover(boolean killDestination) implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.STOP_AND_COPY;
        }
    }

    /**
     * The destination (started with {@code -S}) holds the whole image but dies before it commits, i.e. before the
     * manager resumes it with {@code cont}; the source is still primary and is resumed with {@code cont}.
     */
    record BeforeCommit() implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.COMMIT;
        }
    }

    /** Kill the destination this long after the migration entered {@code postcopy-active}. */
    record DuringPostcopy(Duration afterSwitch) implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.POSTCOPY;
        }
    }

    /**
     * Cut the link (every connection through the relay between the two) this long after {@code postcopy-active};
     * both sides go to {@code postcopy-paused}, and miglab recovers: {@code migrate-recover} on the destination with
     * a new address, {@code migrate} with {@code resume: true} on the source.
     */
    record LinkCutInPostcopy(Duration afterSwitch) implements InjectedFailure {
        @Override
        public Stage stage() {
            return Stage.POSTCOPY;
        }
    }
}
