package io.miglab.datacenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
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
    }
}
