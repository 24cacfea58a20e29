package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.network.NetworkLink;
import io.miglab.datacenter.policy.PolicyRegistry;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datacenter at scale keeps its books: 100,000 VMs on 10,000 hosts (day-consolidation.yaml cut to 20 minutes,
 * four ticks of consolidation with thousands of migrations in flight). At every tick and at the end: each VM is on
 * exactly one host and that host lists it once, no host holds more memory than it has (and at least the memory of
 * the VMs on it), and no link carries more than its capacity. Not timed.
 */
class ScaleConservationTest {
    @TempDir
    Path dir;

    @Test
    void aHundredThousandVms_areNeitherLostNorDuplicated_andNoHostOrLinkIsOverCommitted() throws Exception {
        String day = Files.readString(Path.of("../examples/datacenter/day-consolidation.yaml"))
                .replace("duration: 24h", "duration: 20m").replace("maxMigrationsPerInterval: 400",
                        "maxMigrationsPerInterval: 3000");
        Path f = dir.resolve("day.yaml");
        Files.writeString(f, day);
        Scenario s = ScenarioReader.read(f);
        DatacenterSimulation run = DatacenterSimulation.prepare(s, PolicyRegistry.standard(),
                AlgorithmRegistry.standard());
        Datacenter dc = run.datacenter();
        int[] checks = {0};
        DatacenterReport r = run.execute((sim, total, events, migrations) -> {
            check(dc);
            checks[0]++;
        });
        check(dc);
        assertThat(checks[0]).isGreaterThanOrEqualTo(4);
        assertThat(r.vms()).isEqualTo(100_000);
        assertThat(r.migrations()).hasSizeGreaterThan(1000);
        long moved = 0;
        for (Vm vm : dc.vms()) moved += vm.migrations();
        assertThat(moved).isEqualTo(r.migrations().size());
        for (MigrationRecord m : r.migrations()) assertThat(m.source()).isNotEqualTo(m.destination());
    }

    private static void check(Datacenter dc) {
        int[] seen = new int[dc.vms().size()];
        for (Host h : dc.hosts()) {
            long vmMemory = 0;
            for (Vm vm : h.vms()) {
                assertThat(vm.host()).as(vm.name()).isSameAs(h);
                seen[vm.id()]++;
                vmMemory += vm.memory().bytes();
            }
            assertThat(h.memoryUsedBytes()).as(h.name()).isBetween(vmMemory, h.spec().memory().bytes());
            assertLinkWithinCapacity(dc.topology().hostTransmit(h.id()));
        }
        for (int id = 0; id < seen.length; id++) assertThat(seen[id]).as("VM " + id).isEqualTo(1);
        assertLinkWithinCapacity(dc.topology().core());
    }

    private static void assertLinkWithinCapacity(NetworkLink l) {
        assertThat(l.loadBytesPerSecond()).as(l.name()).isLessThanOrEqualTo(l.capacityBytesPerSecond() * (1 + 1e-9));
    }
}
