package io.miglab.cli.hostcost;

import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.output.TextTable;
import io.miglab.cli.output.Units;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.TimeSpan;
import io.miglab.qemu.host.IdleCost;
import io.miglab.qemu.idle.IdleCostRun;
import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code miglab host-cost}: what a running guest's QEMU costs the host when nothing migrates, per workload (host
 * CPU as a share of one core, user and system; resident memory; threads), one fresh guest per workload.
 */
@Command(name = "host-cost", mixinStandardHelpOptions = true,
        description = "Measure the idle cost of a real QEMU guest per workload: host CPU, memory and threads of its "
                + "QEMU process, sampled from /proc while nothing migrates.")
public final class HostCostCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--workloads", split = ",", defaultValue = "idle,memwriter,cpuburn,httpd",
            description = "Guest workloads, comma-separated: idle, memwriter, cpuburn, httpd. Default: ${DEFAULT-VALUE}.")
    List<String> workloads;

    @Option(names = "--memory", defaultValue = "256M", description = "Guest RAM. Default: ${DEFAULT-VALUE}.")
    String memory;

    @Option(names = "--window", defaultValue = "10s",
            description = "How long each guest is sampled (500ms to 1h). Default: ${DEFAULT-VALUE}.")
    String window;

    @Option(names = "--working-set", defaultValue = "64M",
            description = "memwriter's working set. Default: ${DEFAULT-VALUE}.")
    String workingSet;

    @Option(names = "--dirty-rate", defaultValue = "5000",
            description = "memwriter's writes, pages/s. Default: ${DEFAULT-VALUE}.")
    int dirtyRate;

    @Override
    public Integer call() {
        List<Workload> chosen = new ArrayList<>();
        for (String w : workloads) chosen.add(workload(w.trim()));
        ByteSize mem = ByteSize.parse("memory", memory);
        ByteSize ws = ByteSize.parse("working-set", workingSet);
        java.time.Duration span = TimeSpan.parse("window", window);
        IdleCostRun.checkWindow(span);
        for (Workload w : chosen) IdleCostRun.guest(w, mem, (int) (ws.bytes() / ByteSize.MIB), dirtyRate);
        QemuInstallation installation = QemuInstallation.require();
        QemuLauncher launcher = new QemuLauncher(installation, AccelProbe.choose(installation));
        PrintWriter out = command.commandLine().getOut();
        TextTable t = new TextTable("workload", "host CPU % of a core", "user %", "system %", "RSS MiB",
                "peak RSS MiB", "threads", "window s");
        for (Workload w : chosen) {
            IdleCost c = IdleCostRun.measure(launcher, w, mem, (int) (ws.bytes() / ByteSize.MIB), dirtyRate, span);
            t.row(w.guestName(), Units.number(c.cpuPercentOfCore(), 1),
                    Units.number(100 * c.userMs() / c.windowMs(), 1), Units.number(100 * c.systemMs() / c.windowMs(), 1),
                    Units.mibNumber(c.rssBytes()), Units.mibNumber(c.peakRssBytes()), c.threads(),
                    Units.number(c.windowMs() / 1000, 1));
        }
        t.print(out);
        out.println(String.format(Locale.ROOT, "guests of %s, accel %s, sampled every 100 ms after %d s of settling",
                memory, launcher.accel().qemuName(), IdleCostRun.SETTLE.toSeconds()));
        out.flush();
        return ExitCodes.OK;
    }

    private static Workload workload(String name) {
        for (Workload w : Workload.values()) if (w.guestName().equals(name)) return w;
        throw new InvalidSpecException("workloads", "idle, memwriter, cpuburn or httpd", name);
    }
}
