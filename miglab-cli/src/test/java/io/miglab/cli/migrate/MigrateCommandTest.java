package io.miglab.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.cli.RealQemuGuest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code miglab migrate}: the real backend, the calibrated simulator, and both side by side. */
class MigrateCommandTest {
    // Guards against booting two QEMUs for a spec the guest cannot run, and against a stack trace instead of
    // the one-line bad-input message with exit code 2.
    @Test
    void aWriteModelTheGuestCannotRunIsBadInputBeforeAnythingStarts() {
        Cli.Run run = Cli.run("migrate", "--memory", "256M", "--write-model", "uniform", "--dirty-rate", "100");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("miglab: write-model:").contains("sweep")
                .contains("the other models run in simulate, predict and sweep");
        Cli.Run backend = Cli.run("migrate", "--backend", "xen");
        assertThat(backend.exitCode()).isEqualTo(2);
        assertThat(backend.err()).startsWith("miglab: backend:");
    }

    // Guards against flags of the real run being accepted, and doing nothing, with --backend sim (and the reverse).
    @Test
    void flagsOfTheOtherBackend_areRefusedNamingWhereTheyApply() {
        Cli.Run check = Cli.run("migrate", "--backend", "sim", "--memory", "256M", "--memory-check");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.errLines()).containsExactly("miglab: memory-check: only with --backend qemu or --compare "
                + "(the simulator has no RAM to compare) (got it with --backend sim)");
        Cli.Run raw = Cli.run("migrate", "--backend", "qemu", "--memory", "256M", "--uncalibrated");
        assertThat(raw.exitCode()).isEqualTo(2);
        assertThat(raw.errLines()).containsExactly("miglab: uncalibrated: only with --backend sim or --compare "
                + "(got it with --backend qemu)");
        Cli.Run profile = Cli.run("migrate", "--backend", "qemu", "--memory", "256M", "--profile", "fit.yaml");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.errLines()).containsExactly("miglab: profile: only with --backend sim or --compare (a real "
                + "run measures the guest; describe it with --memory, --bandwidth-cap ...) (got it with --backend qemu)");
        assertThat(Cli.run("migrate", "--backend", "libvirt", "--profile", "fit.yaml").err())
                .startsWith("miglab: profile: only with --backend sim");
        assertThat(Cli.run("migrate", "--help").out()).contains("none (idle) and sweep");
    }

    // Guards the libvirt backend's bad input: each a single line naming the flag, exit 2, before any daemon starts.
    @Test
    void libvirtFlags_areCheckedBeforeAnythingStarts() {
        Cli.Run noSource = Cli.run("migrate", "--backend", "libvirt", "--memory", "256M");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.errLines()).hasSize(1);
        assertThat(noSource.err()).startsWith("miglab: source: a libvirt connection URI is required");
        Cli.Run badLocal = Cli.run("migrate", "--backend", "libvirt", "--source", "local:host-z", "--destination",
                "local:host-b", "--memory", "256M");
        assertThat(badLocal.exitCode()).isEqualTo(2);
        assertThat(badLocal.err()).startsWith("miglab: source: a libvirt URI, or local:host-a to local:host-h");
        Cli.Run latency = Cli.run("migrate", "--backend", "libvirt", "--source", "local:host-a", "--destination",
                "local:host-b", "--memory", "256M", "--latency", "5ms");
        assertThat(latency.exitCode()).isEqualTo(2);
        assertThat(latency.err()).startsWith("miglab: latency:");
        Cli.Run elsewhere = Cli.run("migrate", "--backend", "qemu", "--memory", "256M", "--source", "local:host-a");
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("only with --backend libvirt");
    }

    // Guards against the sim backend ignoring the QEMU guest's calibration (a fresh guest is mostly zero pages).
    @Test
    void theSimBackendModelsTheQemuGuestUnlessAskedNotTo() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode calibrated = m.readTree(Cli.run("migrate", "--backend", "sim", "--memory", "256M", "--json").out());
        JsonNode raw = m.readTree(Cli.run("migrate", "--backend", "sim", "--uncalibrated", "--memory", "256M",
                "--json").out());
        assertThat(calibrated.get("backend").asText()).isEqualTo("sim");
        assertThat(calibrated.get("zeroPages").asLong()).isGreaterThan(256 * 256 / 2);
        assertThat(calibrated.get("bytesTransferred").asLong()).isLessThan(128L << 20);
        assertThat(raw.get("bytesTransferred").asLong()).isGreaterThanOrEqualTo(256L << 20);
    }

    // Guards against --compare printing one side only or the real run's own measurements getting lost.
    @Test
    @Tag("qemu")
    void compareRunsQemuAndTheSimulatorAndPrintsBoth() {
        RealQemuGuest.require();
        Cli.Run run = Cli.run("migrate", "--memory", "256M", "--bandwidth", "100MiB/s", "--compare");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A: qemu").contains("B: sim (calibrated)").contains("total time ms")
                .contains("heartbeat: HB").contains("(continued)");
    }
}
