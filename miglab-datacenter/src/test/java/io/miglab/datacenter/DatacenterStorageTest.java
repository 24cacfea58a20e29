package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.model.CpuPattern;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.report.SummaryFigures;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import io.miglab.datacenter.scenario.VmGroup;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Evacuating a host whose VMs have local disks: idle disks of S = 2 GiB, half allocated (S_alloc = 1 GiB), 1 GiB
 * guests, over the host's NIC of B = 100 MiB/s. Alone, a VM's disk moves in S_alloc / B = 1024 / 100 = 10.24 s.
 */
class DatacenterStorageTest {
    static final double B = TestScenarios.NIC.bytesPerSecond();
    static final DiskSpec DISK = new DiskSpec(ByteSize.ofGiB(2), 0.5, 0, ByteSize.ofBytes(0), DiskSpec.DEFAULT_BLOCK);
    static final long ALLOCATED = ByteSize.ofGiB(1).bytes();

    static Scenario evacuation(int k, StorageStrategy strategy) {
        Scenario s = TestScenarios.evacuation(k, ByteSize.ofGiB(1));
        VmGroup g = s.vms().get(0);
        VmGroup withDisk = new VmGroup(g.name(), g.count(), g.vcpus(), g.memoryChoices(), g.memoryWeights(),
                g.zeroPageShare(), g.writes(), g.cpu(), g.hosts(), Optional.of(new StorageSpec(DISK, strategy)));
        return new Scenario(s.name(), s.seed(), s.durationSeconds(), s.intervalSeconds(), s.profile(), s.policy(),
                s.network(), s.racks(), List.of(withDisk), s.maintenance(), s.initialPlacement(), s.hostSeriesLimit(),
                s.failures());
    }

    static long stageBytes(MigrationResult r) {
        return r.stages().stream().mapToLong(StageStats::bytes).sum();
    }

    @Test
    void anIdleDiskAloneMovesInItsAllocatedBytesOverTheLink() {
        DatacenterReport r = DatacenterSimulation.run(evacuation(1, StorageStrategy.BLOCK_PRECOPY), null);
        DatacenterReport shared = DatacenterSimulation.run(evacuation(1, StorageStrategy.SHARED), null);
        MigrationResult m = r.migrations().get(0).result();
        // hand-computed: 1 GiB at 100 MiB/s = 10.24 s
        assertThat(m.timing().storageTimeMs()).isCloseTo(1000.0 * ALLOCATED / B, within(1e-6));
        assertThat(m.timing().storageTimeMs()).isCloseTo(10_240, within(1e-6));
        assertThat(m.traffic().storageBytes()).isEqualTo(ALLOCATED);
        assertThat(m.stages()).anySatisfy(s -> {
            assertThat(s.stage()).isEqualTo(Stage.STORAGE.label());
            assertThat(s.bytes()).isEqualTo(ALLOCATED);
        });
        MigrationResult memoryOnly = shared.migrations().get(0).result();
        // memory is moved as without the disk, the whole migration longer by the disk's copy
        assertThat(m.traffic().bytesTransferred()).isEqualTo(memoryOnly.traffic().bytesTransferred());
        assertThat(m.timing().totalTimeMs()).isCloseTo(memoryOnly.timing().totalTimeMs() + 10_240, within(1e-3));
        assertThat(m.timing().downtimeMs()).isCloseTo(memoryOnly.timing().downtimeMs(), within(1e-6));
        // shared storage: nothing of the disk goes over the network
        assertThat(memoryOnly.traffic().storageBytes()).isZero();
        assertThat(memoryOnly.timing().storageTimeMs()).isZero();
        assertThat(shared.storageBytes()).isZero();
        assertThat(r.storageBytes()).isEqualTo(ALLOCATED);
        assertThat(r.storageSeconds()).isCloseTo(10.24, within(1e-9));
    }

    @Test
    void anEvacuationMovesEveryDiskAndTheBytesAddUp() {
        int k = 3;
        for (StorageStrategy strategy : List.of(StorageStrategy.BLOCK_PRECOPY, StorageStrategy.MIRROR)) {
            DatacenterReport r = DatacenterSimulation.run(evacuation(k, strategy), null);
            DatacenterReport shared = DatacenterSimulation.run(evacuation(k, StorageStrategy.SHARED), null);
            assertThat(r.migrations()).hasSize(k);
            DatacenterFailureTest.assertConserved(r, k);
            assertThat(DatacenterFailureTest.vmsOn(r, "r0-h0")).isZero();
            long memory = 0;
            for (MigrationRecord rec : r.migrations()) {
                MigrationResult m = rec.result();
                assertThat(m.outcome().completed()).isTrue();
                // an idle disk: the allocated bytes once; the stages hold the memory's bytes and the disk's
                assertThat(m.traffic().storageBytes()).isEqualTo(ALLOCATED);
                assertThat(stageBytes(m)).isEqualTo(m.traffic().bytesTransferred() + ALLOCATED);
                // k disks share the NIC: each takes longer than alone, at most k times as long
                assertThat(m.timing().storageTimeMs()).isBetween(10_240 - 1e-6, k * 10_240 + 1e-6);
                memory += m.traffic().bytesTransferred();
            }
            assertThat(memory).isEqualTo(r.migratedBytes()).isEqualTo(shared.migratedBytes());
            assertThat(r.storageBytes()).isEqualTo(k * ALLOCATED);
            assertThat(shared.storageBytes()).isZero();
            Map<String, String> summary = SummaryFigures.raw(r).stream()
                    .collect(Collectors.toMap(row -> row[0], row -> row[1]));
            assertThat(summary).containsEntry("storage_bytes", Long.toString(k * ALLOCATED))
                    .containsKey("storage_time_total_s");
        }
    }

    @Test
    void aScenarioFileGivesVmsDisksAndTheStrategy() throws Exception {
        String yaml = "name: disks\nseed: 1\nduration: 1h\nstorage: block-precopy\n"
                + "racks: [{count: 1, hostsPerRack: 2, host: {cores: 16, memory: 64G, nic: 10Gbit/s}}]\n"
                + "vms:\n  - name: db\n    memory: [1G]\n"
                + "    disk: {size: 2GiB, allocated: 0.5, write-rate: 1MiB/s, working-set: 256MiB}\n"
                + "  - name: app\n    memory: [1G]\n";
        Scenario s = ScenarioReader.read(new StringReader(yaml), Path.of("."));
        StorageSpec db = s.vms().get(0).storage().orElseThrow();
        assertThat(db.strategy()).isEqualTo(StorageStrategy.BLOCK_PRECOPY);
        assertThat(db.disk().allocatedBytes()).isEqualTo(ALLOCATED);
        assertThat(db.disk().writeBytesPerSecond()).isEqualTo(1024 * 1024);
        assertThat(db.disk().writtenWorkingSet()).isEqualTo(ByteSize.ofMiB(256));
        assertThat(s.vms().get(1).storage()).isEmpty();
    }
}
