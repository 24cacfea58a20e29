package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.result.StopReason;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.VmGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migrations that share the evacuated host's NIC, against the closed forms of fair sharing. */
class SharedLinkMigrationTest {
    static final ByteSize M = ByteSize.ofMiB(256);
    /** Wire bytes of an idle guest under Xen: every page once with its header, then the device state. */
    static final double WIRE = M.bytes() / 4096 * (4096.0 + 8) + 256 * 1024;
    static final double B = TestScenarios.NIC.bytesPerSecond();

    /** Guards fair sharing of one link: k idle VMs of M over one NIC of B all finish together at k*M/B. */
    @Test
    void anEvacuationOverOneLinkTakesKTimesMOverB() {
        int k = 4;
        DatacenterReport report = DatacenterSimulation.run(TestScenarios.evacuation(k, M), null);
        assertThat(report.migrations()).hasSize(k);
        assertThat(report.migrationsByReason()).containsEntry("evacuation", (long) k);
        assertThat(report.migrations().stream().map(MigrationRecord::destination).distinct()).hasSize(k);
        for (MigrationRecord r : report.migrations()) {
            assertThat(r.startedAtSeconds()).isZero();
            assertThat(r.result().timing().totalTimeMs() / 1000).isCloseTo(k * WIRE / B, within(1e-6 * k * WIRE / B));
            assertThat(r.result().outcome().completed()).isTrue();
        }
    }

    /** Guards the per-migration share: two migrations over one link each get half, so each takes twice as long. */
    @Test
    void twoConcurrentMigrationsOverOneLinkEachGetHalf() {
        DatacenterReport one = DatacenterSimulation.run(TestScenarios.evacuation(1, M), null);
        DatacenterReport two = DatacenterSimulation.run(TestScenarios.evacuation(2, M), null);
        double alone = one.migrations().get(0).result().timing().totalTimeMs();
        assertThat(alone / 1000).isCloseTo(WIRE / B, within(1e-9 * WIRE / B));
        for (MigrationRecord r : two.migrations()) {
            assertThat(r.result().timing().totalTimeMs()).isCloseTo(2 * alone, within(1e-6 * alone));
        }
    }

    /**
     * Guards the rescheduling of a round's end when a rate changes mid-round: of two migrations of M1 < M2 sharing
     * a link, the small one ends at 2*M1/B; the other then gets the whole link and ends at (M1+M2)/B.
     */
    @Test
    void whenOneMigrationEndsTheOtherSpeedsUpMidRound() {
        ByteSize m2 = ByteSize.ofMiB(768);
        Scenario s = TestScenarios.evacuation(2, M);
        VmGroup g = s.vms().get(0);
        Scenario mixed = new Scenario(s.name(), s.seed(), s.durationSeconds(), s.intervalSeconds(), s.profile(),
                s.policy(), s.network(), s.racks(), List.of(
                new VmGroup("small", 1, 2, List.of(M), List.of(), 0, g.writes(), g.cpu(), g.hosts()),
                new VmGroup("large", 1, 2, List.of(m2), List.of(), 0, g.writes(), g.cpu(), g.hosts())),
                s.maintenance(), s.initialPlacement(), s.hostSeriesLimit());
        DatacenterReport report = DatacenterSimulation.run(mixed, null);
        double w2 = m2.bytes() / 4096 * (4096.0 + 8) + 256 * 1024;
        MigrationRecord small = find(report, "small-0"), large = find(report, "large-0");
        assertThat(small.result().timing().totalTimeMs() / 1000).isCloseTo(2 * WIRE / B, within(1e-6));
        assertThat(large.result().timing().totalTimeMs() / 1000).isCloseTo((WIRE + w2) / B, within(1e-6));
    }

    /**
     * Guards the interplay of sharing and the termination policy: a guest that converges under Xen alone (dirty
     * rate half the link) cannot when it shares the link with a second one; Xen then stops at its limit and
     * stop-and-copies, and the report says so.
     */
    @Test
    void aGuestDirtyingFasterThanItsShareDoesNotConvergeUnderXen() {
        ByteSize memory = ByteSize.ofGiB(1);
        // 0.5 * B in pages per second over a 128 MiB array
        SweepWrites writes = new SweepWrites(ByteSize.ofMiB(128), 4096, 0.5 * B / 4104);
        DatacenterReport alone = DatacenterSimulation.run(
                TestScenarios.evacuation(1, memory, writes, TestScenarios.xen()), null);
        MigrationRecord solo = alone.migrations().get(0);
        assertThat(solo.result().outcome().converged()).isTrue();
        assertThat(solo.result().outcome().stopReason()).isEqualTo(StopReason.FEW_DIRTY_PAGES);

        DatacenterReport shared = DatacenterSimulation.run(
                TestScenarios.evacuation(2, memory, writes, TestScenarios.xen()), null);
        assertThat(shared.migrationsNotConverged()).isEqualTo(2);
        for (MigrationRecord r : shared.migrations()) {
            assertThat(r.result().outcome().converged()).isFalse();
            assertThat(r.result().outcome().stopReason()).isIn(StopReason.MAX_ROUNDS, StopReason.MAX_DATA);
            assertThat(r.result().outcome().completed()).isTrue();
            assertThat(r.result().traffic().stopCopyBytes()).isGreaterThan(ByteSize.ofMiB(100).bytes());
            assertThat(r.result().timing().downtimeMs()).isGreaterThan(solo.result().timing().downtimeMs() * 100);
        }
    }

    private static MigrationRecord find(DatacenterReport r, String vm) {
        return new ArrayList<>(r.migrations()).stream().filter(m -> m.vm().equals(vm)).findFirst().orElseThrow();
    }
}
