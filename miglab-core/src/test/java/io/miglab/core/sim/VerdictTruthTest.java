package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.MigrationBackend;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A stop reason is true of the figures beside it, in the page-level simulator and the closed form alike. */
class VerdictTruthTest {
    private static final List<MigrationBackend> ENGINES = List.of(new PageLevelSimulator(), new ClosedFormPredictor());

    // Guards against "converged, DOWNTIME_LIMIT_MET" with 8,796 s of downtime against a 300 ms limit: a device
    // state that alone takes longer than the limit makes the limit unreachable, said at once.
    @Test
    void aFixedCostAboveTheLimit_makesItUnreachable() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withOverheads(new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofGiB(1024), Duration.ZERO));
        for (MigrationBackend engine : ENGINES) {
            MigrationResult r = engine.migrate(spec);
            assertThat(r.outcome().stopReason()).as(engine.name()).isEqualTo(StopReason.LIMIT_UNREACHABLE);
            assertThat(r.outcome().converged()).as(engine.name()).isFalse();
            assertThat(r.outcome().completed()).as(engine.name()).isFalse(); // qemu's policy cancels
        }
    }

    // Guards against a first round of 272 years being reported as converged past a 1 h timeout: the timeout ends
    // the round it falls in.
    @Test
    void aTimeoutInsideTheFirstRound_isATimeout() {
        // no device state, so the limit stays reachable (with it, 1 bit/s makes the limit unreachable, as said above)
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.parse("bandwidth", "1bit/s"))
                .withOverheads(new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofBytes(0), Duration.ZERO));
        for (MigrationBackend engine : ENGINES) {
            MigrationResult r = engine.migrate(spec);
            assertThat(r.outcome().stopReason()).as(engine.name()).isEqualTo(StopReason.TIMEOUT);
            assertThat(r.timing().totalTimeMs()).as(engine.name())
                    .isCloseTo(TerminationPolicy.DEFAULT_TIMEOUT.toMillis(), org.assertj.core.api.Assertions.within(1.0));
        }
    }

    // Guards the documented tolerance of DOWNTIME_LIMIT_MET over random specs: the memory left fit the limit at
    // the measured rate (QEMU's test), so the downtime is at most the limit (x 4104/4096 for page headers) plus the
    // switch-over's fixed costs.
    @Test
    void downtimeLimitMet_isWithinTheLimitPlusTheFixedCosts() {
        SplittableRandom random = new SplittableRandom(7);
        int met = 0;
        for (int i = 0; i < 150; i++) {
            long mib = 32L << random.nextInt(4);
            double rate = random.nextDouble(10, 400);
            Duration limit = Duration.ofMillis(random.nextInt(5, 500));
            MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(mib), DataRate.ofMiBps(rate))
                    .withLink(new Link(DataRate.ofMiBps(rate * 4), Duration.ofMillis(random.nextInt(0, 20)),
                            java.util.Optional.of(DataRate.ofMiBps(rate))))
                    .withOverheads(new Overheads(Duration.ZERO, Duration.ofMillis(random.nextInt(0, 30)),
                            ByteSize.ofKiB(random.nextInt(0, 4096)), Duration.ZERO))
                    .withWriteModel(random.nextBoolean() ? new UniformWrites(random.nextDouble(0, 20_000))
                            : new WorkingSetWrites(ByteSize.ofMiB(mib / 4), 4096, random.nextDouble(0, 20_000), 0))
                    .withPolicy(TerminationPolicy.qemu(limit, Duration.ofSeconds(60)))
                    .withSeed(i);
            for (MigrationBackend engine : ENGINES) {
                MigrationResult r = engine.migrate(spec);
                if (r.outcome().stopReason() != StopReason.DOWNTIME_LIMIT_MET) continue;
                met++;
                double bound = limit.toNanos() / 1e6 * 4104 / 4096 + spec.fixedSwitchOverSeconds() * 1000;
                assertThat(r.timing().downtimeMs()).as(engine.name() + " " + spec).isLessThanOrEqualTo(bound + 1e-6);
            }
        }
        assertThat(met).isGreaterThan(100);
    }
}
