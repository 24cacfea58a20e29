package io.miglab.libvirt.migrate;

import io.miglab.core.algorithm.Action;
import io.miglab.core.algorithm.MigrationView;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.nativeapi.LibvirtCalls;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import java.util.Optional;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Carries an algorithm's decisions out on a running libvirt migration job, as the QEMU backend does on QMP: QEMU
 * (under libvirt) decides convergence itself, so the verdict shown to the algorithm holds only the limits miglab
 * enforces (time, rounds, data).
 * <ul>
 *   <li>pre-copy round: nothing to do;</li>
 *   <li>switch to post-copy: {@code virDomainMigrateStartPostCopy} (the plan set VIR_MIGRATE_POSTCOPY);</li>
 *   <li>cancel: {@code virDomainAbortJob}, the guest keeps running on the source;</li>
 *   <li>stop-and-copy: the downtime limit raised to QEMU's maximum, so QEMU stops the guest at its next check.</li>
 * </ul>
 */
final class LibvirtSteering {
    private final MigrationSpec spec;
    private final LibvirtMigrationPlan plan;
    private final Domain source;
    private final long timeoutMs;
    private boolean asked;
    private boolean decided;
    private StopReason reason;
    private boolean cancelRequested;

    LibvirtSteering(MigrationSpec spec, LibvirtMigrationPlan plan, Domain source) {
        this.spec = spec;
        this.plan = plan;
        this.source = source;
        this.timeoutMs = plan.qemu().timeout().toMillis();
    }

    void poll(JobSample s) throws LibvirtException {
        if (decided) return;
        View view = new View(s);
        Action action = asked ? plan.algorithm().afterRound(view) : plan.algorithm().first(view);
        asked = true;
        if (action instanceof Action.PrecopyRound) return;
        decided = true;
        if (action instanceof Action.SwitchToPostCopy p) {
            reason = p.reason();
            LibvirtCalls.startPostCopy(source);
        } else if (action instanceof Action.Cancel c) {
            reason = c.reason();
            cancelRequested = true;
            source.abortJob();
        } else if (action instanceof Action.StopAndCopy sc) {
            reason = sc.reason();
            source.migrateSetMaxDowntime(QemuMigrationPlan.MAX_DOWNTIME_LIMIT_MS);
        }
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    Optional<StopReason> reason() {
        return Optional.ofNullable(reason);
    }

    private final class View implements MigrationView {
        private final JobSample s;

        View(JobSample s) {
            this.s = s;
        }

        @Override
        public MigrationSpec spec() {
            return spec;
        }

        @Override
        public int roundsDone() {
            return (int) Math.max(0, s.iteration() - 1);
        }

        @Override
        public double clockSeconds() {
            return s.elapsedMs() / 1000;
        }

        @Override
        public Optional<StopReason> verdict() {
            if (s.elapsedMs() >= timeoutMs) return Optional.of(StopReason.TIMEOUT);
            var q = plan.qemu();
            if (q.maxRounds().isPresent() && roundsDone() >= q.maxRounds().getAsInt()) {
                return Optional.of(StopReason.MAX_ROUNDS);
            }
            if (q.maxDataBytes().isPresent() && s.processedBytes() >= q.maxDataBytes().getAsDouble()) {
                return Optional.of(StopReason.MAX_DATA);
            }
            return Optional.empty();
        }
    }
}
