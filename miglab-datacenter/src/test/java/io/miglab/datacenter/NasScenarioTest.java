package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.HostSummary;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * examples/datacenter/nas-evacuation.yaml: eight NAS-assisted migrations share one NAS. Identity: the NAS takes a
 * copy of every straight byte and relays every later round, so nas_bytes_in = nas_bytes_out + the bytes that went
 * straight from sources to destinations, summed over migrations; no VM is lost or doubled.
 */
class NasScenarioTest {
    static Path example() {
        Path p = Path.of("examples/datacenter/nas-evacuation.yaml");
        return Files.exists(p) ? p : Path.of("..").resolve(p);
    }

    @Test
    void theNasBytesAddUpAndEveryVmIsStillThere() throws Exception {
        Scenario s = ScenarioReader.read(example());
        DatacenterReport r = DatacenterSimulation.run(s, null);
        assertThat(r.migrations()).hasSize(8);
        long straight = 0;
        for (MigrationRecord m : r.migrations()) straight += m.result().traffic().sourceToDestinationBytes();
        assertThat(r.nasBytesOut()).isPositive();
        assertThat(r.nasBytesIn()).isCloseTo(r.nasBytesOut() + straight, within(2L * r.migrations().size()));
        int vms = 0;
        for (HostSummary h : r.hostSummaries()) vms += h.vmsAtEnd();
        assertThat(vms).isEqualTo(16);
        DatacenterReport plain = DatacenterSimulation.run(s.withNas(null), null);
        assertThat(plain.nasBytesIn()).isZero();
        assertThat(plain.nasBytesOut()).isZero();
    }

    @Test
    void aBadNasFieldIsNamed() {
        String yaml = "name: x\nracks: [{count: 1, hostsPerRack: 2, host: {cores: 4, memory: 8G, nic: 10Gbit/s}}]\n";
        assertThatThrownBy(() -> ScenarioReader.read(new StringReader(yaml + "nas: {disks: 2}\n"), Path.of(".")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("nas.disks");
        assertThatThrownBy(() -> ScenarioReader.read(new StringReader(yaml + "nas: {link: fast}\n"), Path.of(".")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("nas.link");
        assertThatThrownBy(() -> ScenarioReader.read(new StringReader(yaml + "nas: {diskThroughput: 0MB/s}\n"),
                Path.of("."))).isInstanceOf(InvalidSpecException.class).hasMessageContaining("nas.diskThroughput");
    }
}
