package io.miglab.qemu.migrate;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.qemu.launch.UserGuest;
import io.miglab.qemu.launch.Workload;
import java.time.Duration;
import java.util.Optional;

/**
 * What a real run does beyond the spec.
 *
 * @param memoryCheck        start the destination paused ({@code -S}) and compare both RAMs page by page after the
 *                           migration (the heartbeat gap then includes the comparison and means nothing)
 * @param multifdChannels    0: one migration stream; otherwise QEMU's multifd with this many channels
 * @param failure            a failure injected at one stage (destination killed, link cut), to test the protocol
 * @param pollInterval       how often {@code query-migrate} is sampled (the recipe's 100 ms)
 * @param readyTimeout       how long the source guest may take to print {@code MIGLAB READY}
 * @param postcopyPreempt    post-copy: QEMU's postcopy-preempt even if the spec does not ask for it (the spec's
 *                           PostCopyOptions.preempt is the one the simulator reads too)
 * @param guestWorkload      the guest program to run, when it is not the one the spec's write model implies (idle
 *                           for none, memwriter for a sweep): {@code cpuburn} or {@code httpd}, whose memory writes
 *                           no write model describes; empty: chosen by the write model (see
 *                           {@link QemuMigrationPlan#guestFor(io.miglab.core.spec.MigrationSpec, QemuRunOptions)})
 * @param userGuest          a user's own guest (kernel or disk, vCPUs, QEMU arguments, readiness) instead of
 *                           miglab's; its RAM is the spec's memory and its workload its own (write model none)
 */
public record QemuRunOptions(boolean memoryCheck, int multifdChannels, Optional<InjectedFailure> failure,
                             Duration pollInterval, Duration readyTimeout, boolean postcopyPreempt,
                             Optional<Workload> guestWorkload, Optional<UserGuest> userGuest) {
    public QemuRunOptions {
        InvalidSpecException.require(multifdChannels >= 0 && multifdChannels <= 255, "multifd-channels", "0 to 255",
                multifdChannels);
        failure = failure == null ? Optional.empty() : failure;
        guestWorkload = guestWorkload == null ? Optional.empty() : guestWorkload;
        userGuest = userGuest == null ? Optional.empty() : userGuest;
        InvalidSpecException.require(userGuest.isEmpty() || guestWorkload.isEmpty(), "workload",
                "none with a user's guest (its workload is its own)", guestWorkload.map(Workload::guestName)
                        .orElse(""));
        InvalidSpecException.require(!pollInterval.isNegative() && pollInterval.toMillis() >= 10, "poll-interval",
                "at least 10 ms", pollInterval);
    }

    /** The destination starts paused ({@code -S}) and miglab resumes it at commit: for the memory check, to fail
     * it between completion and commit, and to remove a disk's NBD export before the guest runs there. */
    public boolean destinationStartsPaused(io.miglab.qemu.launch.GuestConfig guest) {
        return memoryCheck || failure.orElse(null) instanceof InjectedFailure.BeforeCommit
                || guest.disk().filter(d -> !d.shared()).isPresent();
    }

    public static QemuRunOptions defaults() {
        return new QemuRunOptions(false, 0, Optional.empty(), Duration.ofMillis(100), Duration.ofSeconds(60), false,
                Optional.empty(), Optional.empty());
    }

    public QemuRunOptions withMemoryCheck(boolean on) {
        return new QemuRunOptions(on, multifdChannels, failure, pollInterval, readyTimeout,
                postcopyPreempt, guestWorkload, userGuest);
    }

    public QemuRunOptions withMultifd(int channels) {
        return new QemuRunOptions(memoryCheck, channels, failure, pollInterval, readyTimeout,
                postcopyPreempt, guestWorkload, userGuest);
    }

    public QemuRunOptions withFailure(InjectedFailure f) {
        return new QemuRunOptions(memoryCheck, multifdChannels, Optional.of(f), pollInterval, readyTimeout,
                postcopyPreempt, guestWorkload, userGuest);
    }

    public QemuRunOptions withPostcopyPreempt(boolean on) {
        return new QemuRunOptions(memoryCheck, multifdChannels, failure, pollInterval, readyTimeout, on,
                guestWorkload, userGuest);
    }

    /** Runs {@code workload} in the guest; {@code null} goes back to the write model's choice. */
    public QemuRunOptions withGuestWorkload(Workload workload) {
        return new QemuRunOptions(memoryCheck, multifdChannels, failure, pollInterval, readyTimeout,
                postcopyPreempt, Optional.ofNullable(workload), userGuest);
    }

    /** Boots {@code guest} instead of miglab's guest. */
    public QemuRunOptions withUserGuest(UserGuest guest) {
        return new QemuRunOptions(memoryCheck, multifdChannels, failure, pollInterval, readyTimeout,
                postcopyPreempt, guestWorkload, Optional.ofNullable(guest));
    }

    /** How long the source guest may take to be ready. */
    public QemuRunOptions withReadyTimeout(Duration timeout) {
        InvalidSpecException.require(timeout.toMillis() >= 1000 && timeout.toMinutes() <= 60, "ready-timeout",
                "1s to 60m", timeout);
        return new QemuRunOptions(memoryCheck, multifdChannels, failure, pollInterval, timeout,
                postcopyPreempt, guestWorkload, userGuest);
    }
}
