package io.miglab.qemu.migrate;

import io.miglab.core.algorithm.Action;
import io.miglab.core.algorithm.MigrationView;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.qmp.QmpClient;
import java.util.Map;
import java.util.Optional;

/**
 * Carries an algorithm's decisions out on a running QEMU migration. QEMU decides convergence itself (it switches
 * over when the rest fits bandwidth x downtime-limit), so the verdict shown to the algorithm holds only the limits
 * miglab enforces (time, rounds, data). Asked on every poll while pre-copy runs: the first decision once, then
 * the after-round decision with the rounds QEMU has finished so far.
 * <ul>
 *   <li>pre-copy round: nothing to do, QEMU goes on;</li>
 *   <li>switch to post-copy: {@code migrate-start-postcopy} (the plan set postcopy-ram);</li>
 *   <li>cancel: {@code migrate_cancel}, the guest keeps running on the source;</li>
 *   <li>stop-and-copy: raise downtime-limit to its maximum, so QEMU stops the guest at its next check.</li>
 * </ul>
 */
final class QemuSteering {
    private final MigrationSpec spec;
    private final QemuMigrationPlan plan;
    private final QmpClient source;
    private boolean asked;
    private boolean decided;
    /** Why pre-copy ended, when miglab ended it. */
    private StopReason reason;
    private boolean switched;
    private boolean forcedSwitchOver;
    private boolean cancelRequested;

    QemuSteering(MigrationSpec spec, QemuMigrationPlan plan, QmpClient source) {
        this.spec = spec;
        this.plan = plan;
        this.source = source;
    }

    /** One poll's sample: asks the algorithm while pre-copy runs and nothing has been decided yet. */
    void poll(MigrationSample s) {
        if (decided || !(s.status().equals("active") || s.status().equals("setup"))) return;
        View view = new View(s);
        Action action = asked ? plan.algorithm().afterRound(view) : plan.algorithm().first(view);
        asked = true;
        if (action instanceof Action.PrecopyRound) return;
        decided = true;
        if (action instanceof Action.SwitchToPostCopy p) {
            if (!plan.algorithm().mayUsePostCopy()) {
                throw new IllegalStateException("algorithm " + spec.algorithm() + " switched to post-copy without "
                        + "declaring mayUsePostCopy()");
            }
            reason = p.reason();
            source.execute("migrate-start-postcopy");
            switched = true;
        } else if (action instanceof Action.Cancel c) {
            reason = c.reason();
            source.execute("migrate_cancel");
            cancelRequested = true;
        } else if (action instanceof Action.StopAndCopy sc) {
            reason = sc.reason();
            source.execute("migrate-set-parameters",
                    Map.of("downtime-limit", QemuMigrationPlan.MAX_DOWNTIME_LIMIT_MS));
            forcedSwitchOver = true;
        }
    }

    boolean switched() { return switched; }

    boolean forcedSwitchOver() { return forcedSwitchOver; }

    boolean cancelRequested() { return cancelRequested; }

    /** The reason of the action miglab carried out, if any. */
    Optional<StopReason> reason() { return Optional.ofNullable(reason); }

    /** The algorithm's view of a QEMU sample. */
    private final class View implements MigrationView {
        private final MigrationSample s;

        View(MigrationSample s) {
            this.s = s;
        }

        @Override
        public MigrationSpec spec() { return spec; }

        /** QEMU syncs once at setup and once per finished pass. */
        @Override
        public int roundsDone() { return (int) Math.max(0, s.dirtySyncCount() - 1); }

        @Override
        public double clockSeconds() { return s.elapsedMs() / 1000; }

        @Override
        public Optional<StopReason> verdict() {
            if (!s.status().equals("active")) return Optional.empty();
            if (s.elapsedMs() >= plan.timeout().toMillis()) return Optional.of(StopReason.TIMEOUT);
            if (plan.maxRounds().isPresent() && roundsDone() >= plan.maxRounds().getAsInt()) {
                return Optional.of(StopReason.MAX_ROUNDS);
            }
            if (plan.maxDataBytes().isPresent() && s.transferred() >= plan.maxDataBytes().getAsDouble()) {
                return Optional.of(StopReason.MAX_DATA);
            }
            return Optional.empty();
        }
    }
}
