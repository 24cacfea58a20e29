package io.miglab.datacenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.model.CpuPattern;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    static final String MINIMAL = """
            name: t
            racks:
              - count: 1
                hostsPerRack: 2
                host: {cores: 8, memory: 32G}
            """;

    static Scenario read(String yaml) throws Exception {
        return ScenarioReader.read(new StringReader(yaml), Path.of("."));
    }

    /**
     * Guards the shared spelling: a VM group's writes and a profile written as the single-migration flags are
     * read as the camelCase fields (docs/cli.md's flag table).
     */
    @Test
    void theFlagsSpelling_isReadAsTheCamelCaseField() throws Exception {
        String camel = MINIMAL + """
                profile: kvm
                profiles:
                  - {name: p, downtimeLimit: 1s, minDirtyPages: 9, maxRounds: 3, maxData: 2.5, onLimit: cancel,
                     bandwidthCap: 1Gbit/s, autoConverge: true, precopyRounds: 2, preparation: 5ms, resume: 6ms,
                     deviceState: 1M, switchOverRate: 800MiB/s}
                vms:
                  - {name: v, memory: [1G], zeroPageShare: 0.3,
                     writes: {model: working-set, workingSet: 64M, pagesPerSecond: 300, coldPagesPerSecond: 7}}
                """;
        String flags = MINIMAL + """
                hypervisor: kvm
                profiles:
                  - {name: p, downtime-limit: 1s, min-dirty-pages: 9, max-rounds: 3, max-data: 2.5, on-limit: cancel,
                     bandwidth-cap: 1Gbit/s, auto-converge: true, precopy-rounds: 2, preparation-time: 5ms,
                     resume-time: 6ms, device-state: 1M, switch-over-rate: 800MiB/s}
                vms:
                  - {name: v, memory: [1G], zero-pages: 0.3,
                     writes: {model: working-set, working-set: 64M, dirty-rate: 300, cold-dirty-rate: 7}}
                """;
        ScenarioFile a = ScenarioReader.parse(new StringReader(camel), ScenarioFile.class);
        ScenarioFile b = ScenarioReader.parse(new StringReader(flags), ScenarioFile.class);
        assertThat(b).isEqualTo(a);
        assertThat(b.profiles().get(0).downtimeLimit()).isEqualTo("1s");
        assertThat(b.vms().get(0).writes().pagesPerSecond()).isEqualTo(300.0);
    }

    /** Guards the promise that a typo is an error naming the field, not a silently ignored setting. */
    @Test
    void anUnknownFieldIsAnErrorNamingIt() {
        assertThatThrownBy(() -> read(MINIMAL.replace("cores: 8", "coress: 8")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("racks[0].host.coress: a known field (")
                .hasMessageContaining("cores");
        assertThatThrownBy(() -> read(MINIMAL + "polcy: {name: none}\n"))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("polcy:");
    }

    /** Guards range checks reaching the user as one line naming the field. */
    @Test
    void outOfRangeValuesNameTheirField() {
        assertThatThrownBy(() -> read(MINIMAL + "policy: {overThreshold: 1.5}\n"))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("policy.overThreshold:");
        assertThatThrownBy(() -> read(MINIMAL + "duration: soon\n"))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("duration:");
        assertThatThrownBy(() -> read(MINIMAL + "profile: hyperv\n"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("kvm (or qemu), kvm-auto-converge, xen, vmware");
    }

    /** Guards the defaults and the unit parsing of a small file. */
    @Test
    void readsUnitsAndDefaults() throws Exception {
        Scenario s = read(MINIMAL + """
                duration: 2h
                schedulingInterval: 5m
                vms:
                  - {name: a, count: 3, memory: [2G, 4G], cpu: {pattern: diurnal, period: 12h}}
                """);
        assertThat(s.durationSeconds()).isEqualTo(7200);
        assertThat(s.intervalSeconds()).isEqualTo(300);
        assertThat(s.profile().name()).isEqualTo("kvm");
        assertThat(s.vms().get(0).memoryChoices()).hasSize(2);
        assertThat(((CpuPattern.Diurnal) s.vms().get(0).cpu()).periodSeconds()).isEqualTo(43200);
    }

    /** Guards the shipped examples: each parses, and the small ones run. */
    @Test
    void theExamplesParse() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../examples/datacenter"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("profiles.yaml")).toList()) {
                Scenario s = ScenarioReader.read(f);
                assertThat(s.hostCount()).as(f.toString()).isPositive();
                if (s.vmCount() < 1000) assertThat(DatacenterSimulation.run(s, null).samples()).isNotEmpty();
            }
        }
    }

    /** Guards user profiles: fields left out come from the base, given ones replace them. */
    @Test
    void userProfilesInheritFromTheirBase() throws Exception {
        Scenario s = read(MINIMAL + "profilesFile: ../examples/datacenter/profiles.yaml\nprofile: kvm-10g\n");
        assertThat(s.profile().bandwidthCap().orElseThrow().bytesPerSecond()).isEqualTo(10e9 / 8);
        assertThat(s.profile().algorithm()).isEqualTo("precopy");
        assertThat(s.profile().policy().conditions()).hasSize(2);
        // the switch-over rate with the guest paused is kvm's unless the profile sets its own
        assertThat(s.profile().overheads().switchOverRate())
                .isEqualTo(HypervisorProfiles.QEMU_OVERHEADS.switchOverRate());
        Scenario own = read(MINIMAL + """
                profile: fast
                profiles:
                  - {name: fast, base: kvm, switch-over-rate: 800MiB/s}
                """);
        assertThat(own.profile().overheads().switchOverRate().orElseThrow().mibPerSecond()).isEqualTo(800.0);
    }

    /** Guards the migration CPU split: a base's destination share is kept unless the profile gives its own. */
    @Test
    void aProfilesMigrationCpuShareIsItsBasesUnlessGiven() throws Exception {
        Scenario kept = read(MINIMAL + """
                profile: p
                profiles:
                  - {name: p, base: kvm, migration-cpu-seconds-per-gib: 3}
                """);
        assertThat(kept.profile().migrationCpu().cpuSecondsPerGiB()).isEqualTo(3.0);
        assertThat(kept.profile().migrationCpu().destinationShare()).isEqualTo(0.82);
        Scenario own = read(MINIMAL + """
                profile: p
                profiles:
                  - {name: p, base: kvm, migrationCpuDestinationShare: 0.6}
                """);
        assertThat(own.profile().migrationCpu().destinationShare()).isEqualTo(0.6);
        assertThatThrownBy(() -> read(MINIMAL + """
                profile: p
                profiles:
                  - {name: p, base: kvm, migration-cpu-destination-share: 82}
                """)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("profiles[p].migrationCpuDestinationShare: 0 to 1 (got 82.0)");
    }
}
