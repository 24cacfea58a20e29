package io.miglab.datacenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.HostSummary;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios that cannot run as written are refused with one line naming the field, before anything runs. */
class ImpossibleScenarioTest {
    @TempDir
    Path dir;

    private Scenario read(String yaml) throws Exception {
        return ScenarioReader.read(new StringReader(yaml), dir);
    }

    private static String racks(int count, int hostsPerRack, String memory) {
        return "name: t\nduration: 1h\nracks:\n  - count: " + count + "\n    hostsPerRack: " + hostsPerRack
                + "\n    host: {cores: 64, memory: " + memory + "}\n";
    }

    // Guards against 100 VMs of 4 GiB running on one 8 GiB host (the summary showed all 100 there).
    @Test
    void vmsBeyondTheHostsMemory_areRefusedNamingTheGroupAndTheShortfall() throws Exception {
        Scenario s = read(racks(1, 1, "8G") + "vms:\n  - {name: web, count: 100, memory: 4G}\n");
        assertThatThrownBy(() -> DatacenterSimulation.run(s, null)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("vms[0] (web): VMs that fit hosts' free memory (got 100 VMs of 4GiB need 400GiB, hosts"
                        + " have 8GiB free: 392GiB short; web-2 (4GiB) fits on none after 2 placed)");
        Scenario small = read(racks(2, 2, "2G") + "vms:\n  - {name: db, count: 1, memory: 4G}\n");
        assertThatThrownBy(() -> DatacenterSimulation.run(small, null)).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("vms[0] (db): VMs that fit hosts' free memory (got 1 VMs of 4GiB need 4GiB,"
                        + " hosts have 8GiB free: enough in all but not in one piece per VM;");
        Scenario pinned = read(racks(1, 4, "8G") + "vms:\n  - {name: p, count: 3, memory: 4G, hosts: [r0-h1]}\n");
        assertThatThrownBy(() -> DatacenterSimulation.run(pinned, null))
                .hasMessageStartingWith("vms[0] (p): VMs that fit its hosts' free memory (got 3 VMs of 4GiB need 12GiB,"
                        + " its hosts have 8GiB free: 4GiB short;");
    }

    // Guards the spread placement: it passes over a full host instead of overfilling it, and keeps plain
    // round-robin where there is room.
    @Test
    void spread_passesOverFullHosts() throws Exception {
        Scenario s = read("""
                name: t
                duration: 10m
                racks:
                  - {count: 1, hostsPerRack: 1, host: {cores: 64, memory: 4G}}
                  - {count: 1, hostsPerRack: 1, host: {cores: 64, memory: 12G}}
                vms:
                  - {name: a, count: 4, memory: 4G}
                """);
        DatacenterReport r = DatacenterSimulation.run(s, null);
        assertThat(r.hostSummaries()).extracting(HostSummary::vmsAtEnd).containsExactly(1, 3);
    }

    // Guards a named initial placement: it used to fail with a NullPointerException (a new VM has no host yet), and
    // it must see each VM it placed before choosing for the next.
    @Test
    void namedInitialPlacement_fillsHostsByMemory() throws Exception {
        Scenario s = read(racks(1, 3, "8G") + "initialPlacement: first-fit\nvms:\n  - {name: a, count: 5, memory: 4G,"
                + " cpu: {pattern: constant, share: 0.01}}\n");
        DatacenterReport r = DatacenterSimulation.run(s, null);
        assertThat(r.hostSummaries()).extracting(HostSummary::vmsAtEnd).containsExactly(2, 2, 1);
    }

    // Guards against a working set larger than its VM (single-run simulate refuses it; the datacenter ran it).
    @Test
    void aWriterLargerThanItsVm_isRefused() {
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "vms:\n  - {name: w, memory: [4G, 8G], writes: {model:"
                + " working-set, workingSet: 8G, pagesPerSecond: 100}}\n"))
                .hasMessage("vms[0].writes.workingSet: at most the VM's memory (4GiB) (got 8GiB)");
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "vms:\n  - {name: w, memory: 1G, writes: {model: sweep,"
                + " array: 2G, pagesPerSecond: 100}}\n"))
                .hasMessage("vms[0].writes.array: at most the VM's memory (1GiB) (got 2GiB)");
    }

    // Guards against maintenance of a rack or host that does not exist being silently ignored.
    @Test
    void maintenanceOfWhatDoesNotExist_isRefused() {
        assertThatThrownBy(() -> read(racks(2, 3, "64G") + "maintenance:\n  - {at: 10m, racks: [r2]}\n"))
                .hasMessage("maintenance[0].racks: rack names r0 to r1 (got r2)");
        assertThatThrownBy(() -> read(racks(2, 3, "64G") + "maintenance:\n  - {at: 10m, hosts: [r1-h3]}\n"))
                .hasMessage("maintenance[0].hosts: host names like r0-h0 that exist (r0-h0 to r1-h2) (got r1-h3)");
        assertThatThrownBy(() -> read(racks(2, 3, "64G") + "maintenance:\n  - {at: 2h, racks: [r1]}\n"))
                .hasMessageStartingWith("maintenance[0].at: a time before the end of the run");
        assertThatThrownBy(() -> read(racks(2, 3, "64G") + "vms:\n  - {name: a, memory: 1G, hosts: [r5-h0]}\n"))
                .hasMessageStartingWith("vms[0].hosts: host names like r0-h0 that exist");
    }

    // Guards against two populations with one name (their random streams and VM names collided) and a nameless one.
    @Test
    void populationNames_areRequiredAndUnique() {
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "vms:\n  - {name: a, memory: 1G}\n  - {name: a, memory: 2G}\n"))
                .hasMessage("vms[1].name: a name no other population has (got 'a', also the name of vms[0])");
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "vms:\n  - {count: 2, memory: 1G}\n"))
                .hasMessage("vms[0].name: a population name (got nothing)");
    }

    // Guards against a missing CPU trace or profiles file ending in a stack trace.
    @Test
    void missingFiles_areErrorsNamingTheField() {
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "vms:\n  - {name: a, memory: 1G, cpu: {pattern: trace,"
                + " file: nope.csv}}\n")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("vms[0].cpu.file: a readable CSV file time_s,vm,cpu_share (got '" + dir.resolve("nope.csv")
                        + "': no such file)");
        assertThatThrownBy(() -> read(racks(1, 2, "64G") + "profilesFile: nope.yaml\n"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("profilesFile: a readable YAML file of profiles (got '" + dir.resolve("nope.yaml")
                        + "': no such file)");
    }

    // Guards against scenarios whose limits pass one by one but whose product does not fit the heap: they died with
    // an OutOfMemoryError after 26-57 s; now they are refused at once, saying how big they are and what fits.
    @Test
    void scenariosTooBigForTheHeap_areRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Scenario hosts = read(racks(100_000, 1000, "64G"));
            assertThatThrownBy(() -> DatacenterSimulation.run(hosts, null)).isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("scenario: a run that fits the heap of ")
                    .hasMessageContaining("(got 100,000,000 hosts, 0 VMs, 12 ticks: about 93.2GiB)");
            Scenario longRun = read(racks(2, 8, "256G").replace("duration: 1h", "duration: 10000d\nschedulingInterval: 1s")
                    + "vms:\n  - {name: a, count: 100, memory: 2G}\n");
            assertThatThrownBy(() -> DatacenterSimulation.run(longRun, null))
                    .hasMessageContaining("(got 16 hosts, 100 VMs, 864,000,000 ticks");
        });
    }

    // Guards the estimate against refusing what fits: the message's own figures describe a run that fits.
    @Test
    void theEstimate_acceptsWhatItSaysFits() throws Exception {
        Scenario s = read(racks(10, 10, "64G"));
        ScenarioSize size = ScenarioSize.of(s);
        size.requireFits(size.bytes());
        assertThatThrownBy(() -> size.requireFits(size.bytes() - 1)).hasMessageContaining("at most 99 hosts");
    }
}
