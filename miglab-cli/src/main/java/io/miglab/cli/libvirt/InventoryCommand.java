package io.miglab.cli.libvirt;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.core.unit.DataRate;
import io.miglab.core.unit.TimeSpan;
import io.miglab.libvirt.cluster.Inventory;
import io.miglab.libvirt.cluster.InventoryScenario;
import io.miglab.libvirt.local.LocalUris;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code miglab cluster inventory}: hosts and domains of libvirt daemons into a datacenter scenario file. */
@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read libvirt hosts (CPUs, memory) and their running domains (memory, vCPUs, optionally the "
                + "dirty rate from libvirt's dirty-rate calculation) into a datacenter scenario file.")
public final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--connect", paramLabel = "URI", required = true, arity = "1..*", order = 1,
            description = "libvirt connection URIs of the hosts (qemu+ssh://host-a/system, ...).")
    List<String> uris;

    @Option(names = "--out", paramLabel = "FILE", required = true, order = 2,
            description = "The scenario file to write (YAML).")
    Path out;

    @Option(names = "--bandwidth", paramLabel = "RATE", order = 3,
            description = "Each host's migration bandwidth in the scenario. Default: 1Gbit/s")
    String bandwidth = "1Gbit/s";

    @Option(names = "--dirty-rate-calc", paramLabel = "DURATION", order = 4,
            description = "Measure each domain's dirty rate over this time (libvirt's dirty-rate calculation). "
                    + "Default: 0 (not measured: the VMs write nothing in the scenario)")
    String dirtyRateCalc = "0s";

    @Option(names = "--zero-pages", paramLabel = "SHARE", order = 5,
            description = "Share of each VM's memory assumed zero (0 to 1). Default: 0")
    double zeroPages;

    @Override
    public Integer call() throws IOException {
        DataRate nic = DataRate.parse("bandwidth", bandwidth);
        Duration calc = TimeSpan.parse("dirty-rate-calc", dirtyRateCalc);
        if (calc.isNegative() || calc.toSeconds() > 60) {
            throw new BadInputException("dirty-rate-calc: 0 to 60 s (got '" + dirtyRateCalc + "')");
        }
        if (zeroPages < 0 || zeroPages > 1) {
            throw new BadInputException("zero-pages: a share from 0 to 1 (got '" + zeroPages + "')");
        }
        if (calc.toSeconds() == 0 && !calc.isZero()) {
            throw new BadInputException("dirty-rate-calc: whole seconds, 1 s or more (got '" + dirtyRateCalc + "')");
        }
        try (LocalUris local = LocalUris.forUris(uris, "connect")) {
            List<String> names = new ArrayList<>();
            for (String u : uris) names.add(u.startsWith("local:") ? u.substring("local:".length()) : null);
            Inventory inv = Inventory.read(local.resolveAll(uris), names, calc);
            Files.writeString(out, InventoryScenario.yaml(inv, nic, zeroPages));
            PrintWriter w = command.commandLine().getOut();
            for (Inventory.HostEntry h : inv.hosts()) {
                w.printf(Locale.ROOT, "host %s: %d CPUs, %d MiB (%s)%n", h.name(), h.cpus(), h.memoryBytes() >> 20,
                        h.uri());
            }
            for (Inventory.DomainEntry d : inv.domains()) {
                w.printf(Locale.ROOT, "domain %s: %d MiB, %d vCPUs%s%n", d.name(), d.memoryBytes() >> 20, d.vcpus(),
                        d.dirtyPagesPerSecond().isPresent() ? String.format(Locale.ROOT, ", dirty rate %.0f pages/s",
                                d.dirtyPagesPerSecond().getAsDouble()) : "");
            }
            w.println("scenario written to " + out);
            w.flush();
        }
        return ExitCodes.OK;
    }
}
