package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.miglab.core.Specs;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each algorithm and switch must do, whatever the numbers. */
class AlgorithmBehaviourTest {
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** Guards stop-and-copy against letting the guest run while pages are sent. */
    @Test
    void stopAndCopy_downtimeEqualsTotalTime() {
        MigrationSpec spec = Specs.sweepAll("1G", "1Gbit/s", 20_000).withAlgorithm("stop-and-copy");
        MigrationResult r = sim.migrate(spec);
        assertThat(r.timing().downtimeMs()).isEqualTo(r.timing().totalTimeMs());
        assertThat(r.traffic().pagesTransferred()).isEqualTo(spec.memory().pages());
        assertThat(r.traffic().precopyBytes()).isZero();
    }

    /** Guards post-copy against re-sending pages: the destination owns a page once it arrives. */
    @Test
    void postCopy_sendsEachPageExactlyOnce() {
        MigrationSpec spec = Specs.idle("512M", "100MiB/s").withAlgorithm("postcopy")
                .withWriteModel(new UniformWrites(20_000));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.traffic().pagesTransferred()).isEqualTo(spec.memory().pages());
        assertThat(r.traffic().pagesResent()).isZero();
        assertThat(r.guestImpact().postcopyFaults()).isPositive();
        assertThat(r.guestImpact().guestSlowdownPercent()).isPositive();
        assertThat(r.outcome().completed()).isTrue();
    }

    /** Guards post-copy's switch-over against depending on how much memory is left to move. */
    @Test
    void postCopy_downtimeDoesNotGrowWithMemory() {
        MigrationResult small = sim.migrate(Specs.sweepAll("256M", "100MiB/s", 5000).withAlgorithm("postcopy"));
        MigrationResult large = sim.migrate(Specs.sweepAll("4G", "100MiB/s", 5000).withAlgorithm("postcopy"));
        assertThat(large.timing().downtimeMs()).isEqualTo(small.timing().downtimeMs());
        assertThat(large.timing().totalTimeMs()).isGreaterThan(10 * small.timing().totalTimeMs());
    }

    /**
     * Guards pre-paging: pulling a faulted page's neighbours must cut faults on a sequential writer (with
     * postcopy-preempt, where the push does not move to the faulted page by itself).
     */
    @Test
    void prePaging_reducesFaultsForSequentialWrites() {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s").withAlgorithm("postcopy")
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(256), Specs.PAGE, 20_000))
                .withPostCopy(PostCopyOptions.defaults().withPreempt(true));
        MigrationResult demand = sim.migrate(spec);
        MigrationResult prepaged = sim.migrate(spec.withPostCopy(new PostCopyOptions(1, Optional.empty(), 64, true)));
        assertThat(prepaged.guestImpact().postcopyFaults()).isLessThan(demand.guestImpact().postcopyFaults() / 10);
        assertThat(prepaged.traffic().pagesTransferred()).isEqualTo(demand.traffic().pagesTransferred());
    }

    /** Guards the Xen limits: a guest that dirties faster than the link is forced to stop-and-copy. */
    @Test
    void xenPolicy_forcesStopAndCopyWhenDirtyRateExceedsBandwidth() {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s").withPolicy(TerminationPolicy.xen())
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(512), Specs.PAGE, 50_000));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.outcome().converged()).isFalse();
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.outcome().stopReason()).isIn(StopReason.MAX_ROUNDS, StopReason.MAX_DATA);
        assertThat(r.traffic().bytesTransferred()).isGreaterThanOrEqualTo(3 * spec.memory().bytes());
        assertThat(r.timing().downtimeMs()).isGreaterThan(1000);
    }

    /** Guards the QEMU policy: no convergence means a cancel, and the guest stays on the source. */
    @Test
    void qemuPolicy_cancelsAtTimeoutWithoutDowntime() {
        MigrationSpec spec = Specs.idle("256M", "10MiB/s")
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(60)))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(64), Specs.PAGE, 5000));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.outcome().completed()).isFalse();
        assertThat(r.outcome().converged()).isFalse();
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(r.timing().downtimeMs()).isZero();
        assertThat(r.timing().totalTimeMs()).isGreaterThanOrEqualTo(60_000);
    }

    /** Guards auto-converge: throttling must rescue the case above, and count as guest slowdown. */
    @Test
    void autoConverge_throttlesUntilTheMigrationConverges() {
        MigrationSpec spec = Specs.idle("256M", "10MiB/s")
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(600)))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(64), Specs.PAGE, 5000));
        assertThat(sim.migrate(spec).outcome().completed()).isFalse();
        MigrationResult r = sim.migrate(spec.withAutoConverge(Optional.of(AutoConverge.qemuDefaults())));
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.outcome().converged()).isTrue();
        assertThat(r.guestImpact().maxThrottlePercent()).isBetween(20, 99);
        assertThat(r.guestImpact().guestSlowdownPercent()).isPositive();
        assertThat(r.rounds().get(r.roundCount() - 1).throttlePercent()).isPositive();
    }

    /** Guards XBZRLE: re-sent pages of a cached working set must cost a fraction of a page. */
    @Test
    void xbzrle_cutsResentBytesForACachedWorkingSet() {
        MigrationSpec spec = Specs.idle("512M", "100MiB/s").withPolicy(Specs.fixedRounds(8))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(32), Specs.PAGE, 20_000));
        MigrationResult plain = sim.migrate(spec);
        MigrationResult delta = sim.migrate(spec.withOptimisations(new Optimisations(true,
                Optional.of(Optimisations.Xbzrle.qemuDefaults()), Optional.empty())));
        long plainResent = plain.traffic().bytesTransferred() - plain.rounds().get(0).bytes();
        long deltaResent = delta.traffic().bytesTransferred() - delta.rounds().get(0).bytes();
        // round 1 fills the cache with full pages; rounds 2.. send deltas of 1 % of a page
        assertThat(deltaResent).isLessThan(plainResent / 3);
        assertThat(delta.traffic().pagesResent()).isGreaterThan(6000);
    }

    /** Guards zero-page elision: zero pages cost a header, and stop costing it once written. */
    @Test
    void zeroPages_areSentAsHeaders() {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s");
        spec = spec.withMemory(spec.memory().withZeroPageShare(0.75));
        MigrationResult r = sim.migrate(spec);
        assertThat((double) r.traffic().zeroPages()).isCloseTo(0.75 * spec.memory().pages(), withPercentage(1));
        assertThat((double) r.traffic().bytesTransferred()).isCloseTo(0.25 * spec.memory().bytes(), withPercentage(2));
        MigrationResult off = sim.migrate(spec.withOptimisations(Optimisations.none()));
        assertThat(off.traffic().zeroPages()).isZero();
        assertThat(off.traffic().bytesTransferred()).isGreaterThan(spec.memory().bytes());
    }

    /** Guards hybrid: pre-copy first shrinks what post-copy must pull. */
    @Test
    void hybrid_postCopiesOnlyWhatIsStillDirty() {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s")
                .withWriteModel(new WorkingSetWrites(ByteSize.ofMiB(128), Specs.PAGE, 30_000, 0))
                .withAlgorithm("hybrid").withPostCopy(new PostCopyOptions(2, Optional.empty(), 0));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.SWITCHED_TO_POSTCOPY);
        assertThat(r.roundCount()).isEqualTo(2);
        assertThat(r.traffic().postcopyBytes()).isPositive().isLessThan(ByteSize.ofMiB(129).bytes());
        assertThat(r.traffic().precopyBytes()).isGreaterThan(spec.memory().bytes());
    }

    /** Guards determinism: same seed, same result; a random writer with another seed differs. */
    @Test
    void sameSeed_sameResult() {
        MigrationSpec spec = Specs.idle("512M", "100MiB/s").withWriteModel(new UniformWrites(8000)).withSeed(42);
        assertThat(sim.migrate(spec)).isEqualTo(sim.migrate(spec));
        assertThat(sim.migrate(spec.withSeed(43))).isNotEqualTo(sim.migrate(spec));
    }
}
