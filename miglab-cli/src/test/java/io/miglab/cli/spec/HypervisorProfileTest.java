package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.cli.Cli;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.UniformWrites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --hypervisor}: the datacenter's profile objects, as defaults under the user's flags. */
class HypervisorProfileTest {
    private static final SpecFactory FACTORY = new SpecFactory(AlgorithmRegistry.standard());

    @TempDir
    Path dir;

    private static MigrationSpec build(Map<String, String> flags) {
        ScenarioValues v = ScenarioValues.empty();
        for (Map.Entry<String, String> e : flags.entrySet()) v = v.with(e.getKey(), e.getValue(), ScenarioValues.FLAG);
        return FACTORY.build(v);
    }

    // Guards against the single-run commands keeping their own copy of a profile: for every standard profile the
    // flags give exactly the spec the datacenter builds from the same object.
    @Test
    void everyStandardProfile_givesTheDatacentersSpec() {
        HypervisorProfiles profiles = HypervisorProfiles.standard();
        for (String name : profiles.names()) {
            HypervisorProfile p = profiles.get(name);
            MigrationSpec viaFlags = build(Map.of("hypervisor", name, "memory", "256M", "bandwidth", "1Gbit/s",
                    "dirty-rate", "3000"));
            MigrationSpec direct = p.specFor(GuestMemory.of(ByteSize.ofMiB(256)), new UniformWrites(3000),
                    DataRate.parse("bandwidth", "1Gbit/s"), Duration.ZERO, 1);
            assertThat(viaFlags).as(name).isEqualTo(direct);
        }
        assertThat(build(Map.of("hypervisor", "qemu", "memory", "256M")))
                .isEqualTo(build(Map.of("hypervisor", "kvm", "memory", "256M")));
    }

    // Guards against a second home for miglab's defaults: the "none" profile and no --hypervisor agree.
    @Test
    void none_isMiglabsDefaults() {
        assertThat(build(Map.of("hypervisor", "none", "dirty-rate", "1000")))
                .isEqualTo(build(Map.of("dirty-rate", "1000")));
    }

    // Guards against a flag being ignored under a profile, or replacing more than its own value.
    @Test
    void aFlagOverridesOnlyItsOwnValue() {
        MigrationSpec qemu = build(Map.of("hypervisor", "qemu", "downtime-limit", "1s"));
        StopCondition.DowntimeBelow limit = qemu.policy().find(StopCondition.DowntimeBelow.class).orElseThrow();
        assertThat(limit.limit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limit.checkedMidPass()).isTrue();
        assertThat(qemu.policy().find(StopCondition.Timeout.class).orElseThrow().after())
                .isEqualTo(HypervisorProfiles.KVM_TIMEOUT);
        assertThat(qemu.link().bandwidthCap()).contains(HypervisorProfiles.QEMU_MAX_BANDWIDTH);
        assertThat(build(Map.of("hypervisor", "qemu", "bandwidth-cap", "1GiB/s")).link().bandwidthCap())
                .contains(DataRate.ofMiBps(1024));
        assertThatThrownBy(() -> build(Map.of("hypervisor", "xen", "downtime-limit", "1s")))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("downtime-limit:");
    }

    // Guards against --paced being accepted but not reaching the write model.
    @Test
    void paced_wrapsTheWriteModel() {
        MigrationSpec paced = build(Map.of("dirty-rate", "1000", "paced", "true"));
        assertThat(paced.writeModel()).isEqualTo(new PacedWrites(new UniformWrites(1000),
                PacedWrites.DEFAULT_CATCH_UP));
        assertThatThrownBy(() -> build(Map.of("dirty-rate", "1000", "catch-up", "50ms")))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("catch-up: only with --paced");
    }

    // Guards against user profiles being readable by the datacenter only.
    @Test
    void aUsersProfileFile_isUsedByTheSingleRunCommands() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "profiles:\n  - {name: slow-qemu, base: kvm, "
                + "bandwidthCap: 10MiB/s, downtimeLimit: 50ms, timeout: 300s}\n");
        Cli.Run run = Cli.run("predict", "--hypervisor", "slow-qemu", "--profiles", file.toString(),
                "--memory", "64M", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"totalTimeMs\"");
        Cli.Run unknown = Cli.run("simulate", "--hypervisor", "hyperv", "--memory", "64M");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("miglab: hypervisor: ").contains("qemu").contains("xen");
        Cli.Run orphan = Cli.run("simulate", "--profiles", file.toString(), "--memory", "64M");
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).startsWith("miglab: profiles: only with --hypervisor");
    }
}
