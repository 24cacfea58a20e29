package io.miglab.cli.calibrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.qemu.calibrate.CalibrationRun;
import io.miglab.qemu.calibrate.ProfileFit;
import io.miglab.qemu.launch.QemuLauncher;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A {@link ProfileFit} as the hypervisor/guest profile file {@code --profile} reads (datacenter's
 * {@code GuestProfileFile}): one profile based on {@code qemu} with the fitted fixed costs, the guest's settings by
 * flag name, and the runs it was fitted to under {@code fit:}.
 */
final class ProfileYaml {
    private ProfileYaml() { }

    /** The profile file; the host's fitted {@code costs} under the guest's settings. */
    static String write(String name, ProfileFit f, List<CalibrationRun> runs, String guest, QemuLauncher launcher,
                        Map<HostCostFit, Duration> costs) {
        StringBuilder y = new StringBuilder();
        String qemu = runs.get(0).run().qemuVersion() + " (" + launcher.accel().qemuName() + ")";
        // the completed runs: the pre-copy ones ProfileFit counts and the post-copy one the placement is fitted to
        long fitted = runs.stream().filter(r -> r.run().result().outcome().completed()).count();
        y.append("# miglab calibrate: ").append(guest).append(" fitted to ").append(fitted)
                .append(" real migrations on QEMU ").append(qemu).append(", ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        y.append("# use: miglab simulate --profile FILE --bandwidth-cap RATE (QEMU's max-bandwidth)\n");
        y.append("profiles:\n");
        y.append("  - name: ").append(q(name)).append('\n');
        y.append("    base: \"qemu\"\n");
        y.append("    description: ").append(q("QEMU " + qemu + ", " + guest + ", fitted by miglab calibrate"))
                .append('\n');
        y.append("    preparation-time: ").append(q(micros(f.preparationMs()))).append('\n');
        y.append("    resume-time: ").append(q(micros(f.resumeMs()))).append('\n');
        y.append("    device-state: ").append(q(Long.toString(f.deviceStateBytes()))).append('\n');
        if (Double.isFinite(f.switchOverBytesPerSecond())) {
            y.append("    switch-over-rate: ").append(q(BigDecimal.valueOf(Math.round(f.switchOverBytesPerSecond()))
                    .toPlainString() + "B/s")).append('\n');
        }
        y.append("settings:\n");
        y.append("  memory: ").append(q(Long.toString(f.memory().bytes()))).append('\n');
        y.append("  zero-pages: ").append(q(String.format(Locale.ROOT, "%.4f", f.zeroPageShare()))).append('\n');
        y.append("  memory-layout: ").append(q(CalibrateCommand.LAYOUT)).append('\n');
        costs.forEach((cost, c) -> y.append("  ").append(cost.setting()).append(": ").append(q(HostCostFit.text(c)))
                .append("   # the host's, fitted to the ").append(cost.runsText()).append(" time\n"));
        y.append("  write-model: ").append(q(f.writePattern())).append('\n');
        if (!f.writePattern().equals("none")) {
            y.append("  working-set: ").append(q(Long.toString(f.workingSetBytes()))).append('\n');
            y.append("  dirty-rate: ").append(q(String.format(Locale.ROOT, "%.0f", f.dirtyPagesPerSecond())))
                    .append('\n');
        }
        if (Double.isFinite(f.switchOverBytesPerSecond())) {
            y.append("  bandwidth: ").append(q(BigDecimal.valueOf(Math.round(f.switchOverBytesPerSecond()))
                    .toPlainString() + "B/s")).append("   # the switch-over rate (QEMU sends it uncapped)\n");
        }
        y.append("fit:\n");
        y.append("  usedBytes: ").append(f.usedBytes()).append('\n');
        y.append("  runs:\n");
        for (CalibrationRun r : runs) {
            MigrationResult m = r.run().result();
            y.append("    - ").append(q(r.label())).append(": ").append(q(String.format(Locale.ROOT,
                    "%s, total %.0f ms, downtime %.0f ms, %d bytes, %d rounds", m.outcome().completed()
                            ? "completed" : "not completed", m.timing().totalTimeMs(), m.timing().downtimeMs(),
                    m.traffic().bytesTransferred(), m.roundCount()))).append('\n');
        }
        return y.toString();
    }

    static void summary(ProfileFit f, List<CalibrationRun> runs, PrintWriter o) {
        o.println("run                          total ms  downtime ms     MiB  rounds");
        for (CalibrationRun r : runs) {
            MigrationResult m = r.run().result();
            o.println(String.format(Locale.ROOT, "%-27s %9.0f %12.0f %7.1f %7d%s", r.label(),
                    m.timing().totalTimeMs(), m.timing().downtimeMs(), m.traffic().bytesTransferred() / 1048576.0,
                    m.roundCount(), m.outcome().completed() ? "" : "  (not completed: not fitted)"));
        }
        o.println(String.format(Locale.ROOT, "used memory %.1f MiB of %.0f MiB (zero pages %.3f); writes %s%s; "
                        + "switch-over %.0f MiB/s; preparation %.1f ms, resume %.1f ms, device state %d B",
                f.usedBytes() / 1048576.0, f.memory().bytes() / 1048576.0, f.zeroPageShare(), f.writePattern(),
                f.writePattern().equals("none") ? "" : String.format(Locale.ROOT, " %.0f pages/s over %.1f MiB",
                        f.dirtyPagesPerSecond(), f.workingSetBytes() / 1048576.0),
                f.switchOverBytesPerSecond() / 1048576.0, f.preparationMs(), f.resumeMs(), f.deviceStateBytes()));
    }

    private static String micros(double ms) {
        return Math.max(0, Math.round(ms * 1000)) + "us";
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
