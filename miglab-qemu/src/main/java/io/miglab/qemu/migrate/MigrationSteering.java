package io.miglab.qemu.migrate;

import io.miglab.core.algorithm.Action;
import io.miglab.core.algorithm.MigrationView;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import java.util.Optional;

/**
 * Carries an algorithm's decisions out on a running QEMU migration, whoever drives QEMU: miglab over QMP
 * ({@link MigrationDriver}) or libvirt. QEMU decides convergence itself (it switches over when the rest fits
 * bandwidth x downtime-limit), so the verdict shown to the algorithm holds only the limits miglab enforces (time,
 * rounds, data). Asked on every poll while pre-copy runs: the first decision once, then the after-round decision
 * with the rounds QEMU has finished so far.
 * <ul>
 *   <li>pre-copy round: nothing to do, QEMU goes on;</li>
 *   <li>switch to post-copy: {@link Controls#startPostCopy()} (the plan set postcopy-ram);</li>
 *   <li>cancel: {@link Controls#cancel()}, the guest keeps running on the source;</li>
 *   <li>stop-and-copy: {@link Controls#forceSwitchOver()}, the downtime limit raised to its maximum, so QEMU stops
 *   the guest at its next check.</li>
 * </ul>
 * The first decision is asked before QEMU starts ({@link #beforeMigrate()}): a stop-and-copy then pauses the guest
 * ({@link Controls#pauseGuest()}) and QEMU migrates a stopped guest in one pass at the link's rate, so the downtime
 * is the whole migration; any other first decision is carried out at the first poll.
 */
public final class MigrationSteering {
    /** What the driver of QEMU lets miglab do to the running migration. */
    public interface Controls {
        void startPostCopy();

        void cancel();

        /** Raise the downtime limit to {@link QemuMigrationPlan#MAX_DOWNTIME_LIMIT_MS}. */
        void forceSwitchOver();

        /** Pause the guest on the source before the migration starts (QMP {@code stop}). */
        default void pauseGuest() {
            throw new UnsupportedOperationException("this driver cannot pause the guest before the migration");
        }
    }

    /**
     * One poll of a pre-copy that is running.
     *
     * @param setup      QEMU is still setting up: the algorithm is asked, the limits are not checked yet
     * @param roundsDone passes QEMU has finished (its dirty-bitmap syncs less the one at setup)
     * @param elapsedMs  since the migration started
     * @param sentBytes  RAM bytes sent so far
     */
    public record Progress(boolean setup, int roundsDone, double elapsedMs, double sentBytes) {
    }

    private final MigrationSpec spec;
    private final QemuMigrationPlan plan;
    private final Controls controls;
    private boolean asked;
    private boolean decided;
    /** Why pre-copy ended, when miglab ended it. */
    private StopReason reason;
    private boolean switched;
    private boolean forcedSwitchOver;
    private boolean cancelRequested;
    /** The first decision, asked before the migration and carried out at the first poll. */
    private Action pending;
    private long pausedAtNanos;

    public MigrationSteering(MigrationSpec spec, QemuMigrationPlan plan, Controls controls) {
        this.spec = spec;
        this.plan = plan;
        this.controls = controls;
    }

    /** One QMP sample: polls while pre-copy sets up or runs; QEMU syncs once at setup and once per finished pass. */
    void poll(MigrationSample s) {
        if (!s.status().equals("active") && !s.status().equals("setup")) return;
        poll(new Progress(s.status().equals("setup"), (int) Math.max(0, s.dirtySyncCount() - 1), s.elapsedMs(),
                s.transferred()));
    }

    /**
     * Asks the first decision before {@code migrate} is sent. A stop-and-copy pauses the guest now: QEMU then sends
     * every page once, at the planned rate, and switches over when the pass ends (nothing is dirtied meanwhile), the
     * guest running again only on the destination ({@code cont} there, as QEMU keeps the source's paused state in
     * process_incoming_migration_bh, migration/migration.c).
     */
    public void beforeMigrate() {
        Action action = plan.algorithm().first(new View(new Progress(true, 0, 0, 0)));
        asked = true;
        if (action instanceof Action.StopAndCopy sc) {
            decided = true;
            reason = sc.reason();
            controls.pauseGuest();
            pausedAtNanos = System.nanoTime();
        } else {
            pending = action;
        }
    }

    /**
     * Right after {@code migrate} was accepted: a first decision to switch to post-copy at once is carried out now,
     * not at the first poll. QEMU switches at the first {@code migration_iteration_run} that finds
     * {@code start_postcopy} set (migration/migration.c); asked at the first poll, the request raced QEMU's setup,
     * and in 14 of 27 stored runs one rate-limit period of pre-copy (about 100 ms) went first.
     */
    public void afterMigrate() {
        if (pending instanceof Action.SwitchToPostCopy) poll(new Progress(true, 0, 0, 0));
    }

    /** One poll: asks the algorithm while nothing has been decided yet, and carries its action out. */
    public void poll(Progress p) {
        if (decided) return;
        View view = new View(p);
        Action action = pending != null ? pending
                : asked ? plan.algorithm().afterRound(view) : plan.algorithm().first(view);
        pending = null;
        asked = true;
        if (action instanceof Action.PrecopyRound) return;
        decided = true;
        if (action instanceof Action.SwitchToPostCopy sw) {
            if (!plan.algorithm().mayUsePostCopy()) {
                throw new IllegalStateException("algorithm " + spec.algorithm() + " switched to post-copy without "
                        + "declaring mayUsePostCopy()");
            }
            reason = sw.reason();
            switched = true;
            controls.startPostCopy();
        } else if (action instanceof Action.Cancel c) {
            reason = c.reason();
            cancelRequested = true;
            controls.cancel();
        } else if (action instanceof Action.StopAndCopy sc) {
            reason = sc.reason();
            forcedSwitchOver = true;
            controls.forceSwitchOver();
        }
    }

    public boolean switched() { return switched; }

    public boolean forcedSwitchOver() { return forcedSwitchOver; }

    public boolean cancelRequested() { return cancelRequested; }

    /** The guest was paused before the migration (stop-and-copy): it must be resumed wherever it ends up. */
    public boolean pausedBeforeMigrate() { return pausedAtNanos != 0; }

    /** When the guest was paused ({@link System#nanoTime()}), 0 if it was not. */
    public long pausedAtNanos() { return pausedAtNanos; }

    /** The reason of the action miglab carried out, if any. */
    public Optional<StopReason> reason() { return Optional.ofNullable(reason); }

    /** The algorithm's view of one poll. */
    private final class View implements MigrationView {
        private final Progress p;

        View(Progress p) {
            this.p = p;
        }

        @Override
        public MigrationSpec spec() { return spec; }

        @Override
        public int roundsDone() { return p.roundsDone(); }

        @Override
        public double clockSeconds() { return p.elapsedMs() / 1000; }

        @Override
        public Optional<StopReason> verdict() {
            if (p.setup()) return Optional.empty();
            if (p.elapsedMs() >= plan.timeout().toMillis()) return Optional.of(StopReason.TIMEOUT);
            if (plan.maxRounds().isPresent() && roundsDone() >= plan.maxRounds().getAsInt()) {
                return Optional.of(StopReason.MAX_ROUNDS);
            }
            if (plan.maxDataBytes().isPresent() && p.sentBytes() >= plan.maxDataBytes().getAsDouble()) {
                return Optional.of(StopReason.MAX_DATA);
            }
            return Optional.empty();
        }
    }
}
