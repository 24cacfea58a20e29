package io.miglab.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.cli.RealQemuGuest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code miglab calibrate} and {@code simulate --profile}: bad input, and a fit that predicts held-out real runs. */
class CalibrateCommandTest {
    /** The README's stated bounds for a held-out run (relative for time and bytes, absolute ms for downtime). */
    static final double TOTAL_TIME_ERROR = 0.40;
    static final double BYTES_ERROR = 0.25;
    static final double DOWNTIME_ERROR_MS = 150;
    /** The README's bound for the held-out post-copy: within this factor of QEMU's total time, either way. */
    static final double POSTCOPY_FACTOR = 2;

    // Guards against a fit made from miglab's constants rather than from runs, and against a profile simulate cannot
    // read: calibrate on miglab's guest (idle and memwriter at 100 and 40 MiB/s), then a held-out real run at
    // 64 MiB/s (a bandwidth not in the grid) must be predicted by simulate --profile within the README's bounds.
    @Test
    @Tag("qemu")
    void theFittedProfile_predictsAHeldOutRealRun(@TempDir Path dir) throws Exception {
        RealQemuGuest.require();
        Path profile = dir.resolve("guest.yaml");
        String[] guest = {"--memory", "256M", "--write-model", "sweep", "--working-set", "32M", "--dirty-rate",
                "2000"};
        List<String> draftsBefore = drafts();
        Cli.Run cal = Cli.run(concat(new String[] {"calibrate", "--bandwidths", "100MiB/s,40MiB/s", "--out",
                profile.toString()}, guest));
        assertThat(cal.exitCode()).as(cal.err()).isZero();
        assertThat(Files.readString(profile)).contains("base: \"qemu\"").contains("zero-pages:")
                .contains("write-model:").contains("bandwidth:").contains("memory-layout: \"linux\"")
                .contains("zero-page-cost:").contains("postcopy-page-cost:");
        // only the finished profile reaches --out's folder, and the draft the zero-page cost was fitted on (a temp
        // file) is gone
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("guest.yaml");
        }
        assertThat(drafts()).as("calibrate drafts left in the temp folder").isEqualTo(draftsBefore);
        ObjectMapper m = new ObjectMapper();
        Cli.Run real = Cli.run(concat(new String[] {"migrate", "--backend", "qemu", "--json", "--bandwidth",
                "64MiB/s"}, guest));
        assertThat(real.exitCode()).as(real.err()).isZero();
        Cli.Run sim = Cli.run("simulate", "--profile", profile.toString(), "--bandwidth-cap", "64MiB/s", "--json");
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        JsonNode q = m.readTree(real.out());
        JsonNode s = m.readTree(sim.out());
        double timeError = Math.abs(s.get("totalTimeMs").asDouble() / q.get("totalTimeMs").asDouble() - 1);
        double bytesError = Math.abs(s.get("bytesTransferred").asDouble() / q.get("bytesTransferred").asDouble() - 1);
        double downtimeError = Math.abs(s.get("downtimeMs").asDouble() - q.get("downtimeMs").asDouble());
        System.out.println(String.format(Locale.ROOT, "held-out workload @ 64MiB/s: total %.0f vs %.0f ms (%.0f %%), "
                        + "bytes %d vs %d (%.0f %%), downtime %.0f vs %.0f ms", s.get("totalTimeMs").asDouble(),
                q.get("totalTimeMs").asDouble(), timeError * 100, s.get("bytesTransferred").asLong(),
                q.get("bytesTransferred").asLong(), bytesError * 100, s.get("downtimeMs").asDouble(),
                q.get("downtimeMs").asDouble()));
        assertThat(q.get("completed").asBoolean()).isTrue();
        assertThat(bytesError).as("bytes error").isLessThan(BYTES_ERROR);
        assertThat(timeError).as("total time error").isLessThan(TOTAL_TIME_ERROR);
        assertThat(downtimeError).as("downtime error, ms").isLessThan(DOWNTIME_ERROR_MS);

        // the held-out post-copy: the workload, post-copy from the start, its phase uncapped (QEMU's default), at a
        // cap not in the grid. Where the host handles a zero page slowly the qemu profile's own costs were 3 to 4
        // times short (175 ms against 541-677). Its bound is a factor: on such a host the cost of a first touch moves
        // between runs (this post-copy took 465 to 677 ms in eight runs; one calibration before it fitted costs 1.7
        // times its own)
        String[] postCopy = {"--algorithm", "postcopy", "--bandwidth-cap", "64MiB/s", "--postcopy-bandwidth-cap",
                "none", "--json"};
        Cli.Run realPc = Cli.run(concat(concat(new String[] {"migrate", "--backend", "qemu", "--bandwidth",
                "10GiB/s"}, guest), postCopy));
        assertThat(realPc.exitCode()).as(realPc.err()).isZero();
        Cli.Run simPc = Cli.run(concat(new String[] {"simulate", "--profile", profile.toString()}, postCopy));
        assertThat(simPc.exitCode()).as(simPc.err()).isZero();
        double qt = m.readTree(realPc.out()).get("totalTimeMs").asDouble();
        double st = m.readTree(simPc.out()).get("totalTimeMs").asDouble();
        System.out.println(String.format(Locale.ROOT, "held-out post-copy @ 64MiB/s, uncapped: total %.0f vs %.0f ms",
                st, qt));
        assertThat(m.readTree(realPc.out()).get("completed").asBoolean()).isTrue();
        assertThat(st / qt).as("post-copy total time, simulated / QEMU").isBetween(1 / POSTCOPY_FACTOR,
                POSTCOPY_FACTOR);
    }

    // Guards against bad input starting QEMU or being half-accepted: one line naming the field, exit 2.
    @Test
    void badInput_isOneLineNamingTheField(@TempDir Path dir) throws Exception {
        expect("miglab: out: a file in an existing folder", "calibrate", "--memory", "256M", "--out",
                dir.resolve("no/such/dir/p.yaml").toString());
        expect("miglab: algorithm: precopy", "calibrate", "--algorithm", "hybrid", "--out",
                dir.resolve("p.yaml").toString());
        expect("miglab: bandwidths:", "calibrate", "--memory", "256M", "--bandwidths", "fast", "--out",
                dir.resolve("p.yaml").toString());
        expect("miglab: guest-kernel: a readable file", "calibrate", "--guest-kernel",
                dir.resolve("missing").toString(), "--ready-line", "x", "--out", dir.resolve("p.yaml").toString());
        expect("miglab: profile: a readable profile file", "simulate", "--profile", dir.resolve("none.yaml")
                .toString());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "profiles:\n  - name: x\n    base: qemu\nsettings:\n"
                + "  warp-speed: \"9\"\n");
        expect("miglab: profile: a file whose settings are flag names (not warp-speed)", "simulate", "--profile",
                bad.toString());
        Path good = Files.writeString(dir.resolve("good.yaml"), "profiles:\n  - name: x\n    base: qemu\n"
                + "    resume-time: \"5ms\"\nsettings:\n  memory: \"256M\"\n  zero-pages: \"0.5\"\n");
        expect("miglab: hypervisor: not with --profile", "simulate", "--profile", good.toString(), "--hypervisor",
                "xen");
        assertThat(Files.exists(dir.resolve("p.yaml"))).isFalse();
    }

    // Guards against simulate ignoring a profile's guest settings or its fixed costs.
    @Test
    void simulateReadsTheProfilesGuestAndCosts(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "profiles:\n  - name: x\n    base: qemu\n"
                + "    resume-time: \"5ms\"\nsettings:\n  memory: \"256M\"\n  zero-pages: \"0.5\"\n");
        ObjectMapper m = new ObjectMapper();
        JsonNode r = m.readTree(Cli.run("simulate", "--profile", good.toString(), "--json").out());
        assertThat(r.get("zeroPages").asLong()).isBetween(256L * 256 / 2 * 95 / 100, 256L * 256 / 2 * 105 / 100);
        assertThat(r.get("downtimeMs").asDouble()).isGreaterThanOrEqualTo(5);
        JsonNode over = m.readTree(Cli.run("simulate", "--profile", good.toString(), "--zero-pages", "0", "--json")
                .out());
        assertThat(over.get("zeroPages").asLong()).as("a flag overrides the profile").isZero();
    }

    private static void expect(String start, String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith(start);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The calibrate drafts in the temp folder (Files.createTempFile's), by name. */
    private static List<String> drafts() throws IOException {
        try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("miglab-calibrate-")).sorted()
                    .toList();
        }
    }
}
