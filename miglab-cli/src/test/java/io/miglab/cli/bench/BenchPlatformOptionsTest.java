package io.miglab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.run.BenchConfig;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** bench's platform flags, made from the settings table. */
class BenchPlatformOptionsTest {
    private static MigrationSpec platform(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(args);
        return bench.platform.platform(AlgorithmRegistry.standard());
    }

    // Guards against bench's defaults moving away from its reference platform when the flags are left out.
    @Test
    void noFlags_isTheReferencePlatform() {
        assertThat(platform()).isEqualTo(BenchConfig.referencePlatform());
    }

    // Guards against the defaults filled in when only some policy flags are given (they come from the table).
    @Test
    void policyFlags_fillTheRestWithBenchDefaults() {
        assertThat(platform("--timeout", "10s").policy()).isEqualTo(TerminationPolicy.qemu(
                TerminationPolicy.QEMU_DOWNTIME_LIMIT, Duration.ofSeconds(10)));
        assertThat(platform("--policy", "qemu").policy()).isEqualTo(BenchConfig.referencePlatform().policy());
        assertThat(platform("--policy", "xen").policy()).isEqualTo(TerminationPolicy.xen());
    }

    // Guards the switch both ways: --auto-converge adds QEMU's, --no-auto-converge removes a profile's.
    @Test
    void autoConverge_isNegatable() {
        assertThat(platform("--auto-converge").autoConverge()).contains(AutoConverge.qemuDefaults());
        assertThat(platform("--hypervisor", "kvm-auto-converge").autoConverge()).isPresent();
        assertThat(platform("--hypervisor", "kvm-auto-converge", "--no-auto-converge").autoConverge()).isEmpty();
    }
}
