package io.miglab.qemu.migrate;

import io.miglab.core.result.Stage;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.link.LatencyRelay;
import io.miglab.qemu.qmp.QmpException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out one {@link InjectedFailure} on a running migration, at the point of the protocol it names, and what
 * the manager then does by the protocol: before commit the source is primary, so a migration stopped at the
 * switch-over is cancelled (QEMU resumes the guest) and a destination lost before commit leaves the guest to the
 * source ({@code cont}); a link cut in post-copy is recovered ({@code migrate-recover}, {@code migrate} with
 * {@code resume}). Each step is written to the run's notes.
 */
final class FailureInjector {
    private static final Duration PAUSE_WAIT = Duration.ofSeconds(20);
    private final QemuProcess source;
    private final QemuProcess destination;
    private final Optional<InjectedFailure> failure;
    private final List<String> notes;
    private Stage injectedIn;
    private boolean recovered;
    private boolean cut;

    FailureInjector(QemuProcess source, QemuProcess destination, Optional<InjectedFailure> failure,
                    List<String> notes) {
        this.source = source;
        this.destination = destination;
        this.failure = failure;
        this.notes = notes;
    }

    /** The source must stop before the switch-over for an {@link InjectedFailure.AtSwitchover}. */
    boolean needsPauseBeforeSwitchover() {
        return failure.orElse(null) instanceof InjectedFailure.AtSwitchover;
    }

    /** The stage a failure was injected in, once it was. */
    Optional<Stage> injectedIn() {
        return Optional.ofNullable(injectedIn);
    }

    boolean recovered() {
        return recovered;
    }

    /** The destination died, as opposed to a link cut or a cancel at the switch-over with the destination alive. */
    boolean destinationKilled() {
        return injectedIn != null && !destination.isAlive();
    }

    void beforeMigrate() {
        if (failure.orElse(null) instanceof InjectedFailure.BeforeMigrate) {
            destination.kill();
            injected("destination killed (SIGKILL) after it listened, before migrate");
        }
    }

    /** Looks at one sample; returns true when the failure was injected now. */
    boolean onSample(MigrationSample s, double postcopyEnteredMs, LatencyRelay relay) {
        if (injectedIn != null || failure.isEmpty()) return false;
        InjectedFailure f = failure.get();
        double sincePostcopy = postcopyEnteredMs < 0 ? -1 : s.elapsedMs() - postcopyEnteredMs;
        if (f instanceof InjectedFailure.DuringPrecopy p && s.status().equals("active")
                && s.elapsedMs() >= p.after().toMillis()) {
            destination.kill();
            injected(at("destination killed (SIGKILL) during pre-copy", s));
        } else if (f instanceof InjectedFailure.AtSwitchover a && s.status().equals("pre-switchover")) {
            if (a.killDestination()) destination.kill();
            source.qmp().execute("migrate_cancel");
            injected(at((a.killDestination() ? "destination killed (SIGKILL) in pre-switchover, then "
                    : "in pre-switchover: ") + "migrate_cancel on the source", s));
        } else if (f instanceof InjectedFailure.DuringPostcopy q && sincePostcopy >= q.afterSwitch().toMillis()) {
            destination.kill();
            injected(at("destination killed (SIGKILL) during post-copy", s));
        } else if (f instanceof InjectedFailure.LinkCutInPostcopy c && sincePostcopy >= c.afterSwitch().toMillis()
                && relay != null) {
            relay.cut();
            cut = true;
            injected(at("link cut (every relayed connection closed) during post-copy", s));
            recover();
        }
        return injectedIn != null;
    }

    /**
     * After the source reports {@code completed}: with {@link InjectedFailure.BeforeCommit} the destination (paused
     * with -S, holding the whole image) dies before miglab commits to it, and the source, still primary, is
     * resumed, once {@code beforeResume} ran (it drops a disk mirror). Returns true when it did so.
     */
    boolean afterCompletion(Runnable beforeResume) {
        if (!(failure.orElse(null) instanceof InjectedFailure.BeforeCommit)) return false;
        destination.kill();
        beforeResume.run();
        source.qmp().execute("cont");
        injected("destination killed (SIGKILL) after the source completed, before commit (-S, no cont); the source, "
                + "still primary, resumed with cont");
        return true;
    }

    /** Both sides in postcopy-paused, then the destination listens anew and the source resumes to it. */
    private void recover() {
        long t0 = System.nanoTime();
        awaitStatus(source, "postcopy-paused");
        // the destination's main loop may wait on a page fault of the running guest: read its state from its
        // MIGRATION event and recover out of band, as QEMU's migrate-recover is meant to be used
        destination.qmp().awaitEvent(e -> e.name().equals("MIGRATION")
                && e.data().path("status").asText().equals("postcopy-paused"), PAUSE_WAIT);
        double pausedMs = (System.nanoTime() - t0) / 1e6;
        String uri = "tcp:127.0.0.1:" + FreePort.pick();
        destination.qmp().executeOutOfBand("migrate-recover", Map.of("uri", uri));
        source.qmp().execute("migrate", Map.of("uri", uri, "resume", true));
        recovered = true;
        notes.add(String.format(Locale.ROOT, "both sides in postcopy-paused %.0f ms after the cut; recovered: "
                + "migrate-recover on the destination (%s), migrate resume on the source", pausedMs, uri));
    }

    private void awaitStatus(QemuProcess qemu, String status) {
        long deadline = System.nanoTime() + PAUSE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (qemu.qmp().execute("query-migrate").path("status").asText().equals(status)) return;
            sleepMs(20);
        }
        throw new QmpException(qemu.name() + " did not reach " + status + " within " + PAUSE_WAIT.toSeconds()
                + " s of the link cut");
    }

    boolean linkCut() {
        return cut;
    }

    /** Marks the failure as injected, in the stage it names. */
    private void injected(String what) {
        injectedIn = failure.orElseThrow().stage();
        notes.add("failure injected in " + injectedIn.label() + ": " + what);
    }

    private static String at(String what, MigrationSample s) {
        return String.format(Locale.ROOT, "%s at %.0f ms, %d bytes sent", what, s.elapsedMs(),
                Math.max(0, s.transferred()));
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted", e);
        }
    }
}
