package io.miglab.datacenter.bench;

import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The datacenter simulator's benchmark (not a test): a day of consolidation at 10,000 hosts and 100,000 VMs with
 * a 300 s scheduling interval (examples/datacenter/day-consolidation.yaml, or the file given as the argument).
 * Prints wall time, events per second, migrations and peak heap. Run with
 * {@code mvn -q -pl miglab-datacenter exec:java} or
 * {@code java -Xmx4g -cp ... io.miglab.datacenter.bench.DayBenchmark [scenario.yaml]}.
 */
public final class DayBenchmark {
    private DayBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : find("examples/datacenter/day-consolidation.yaml");
        long read0 = System.nanoTime();
        Scenario scenario = ScenarioReader.read(file);
        long t0 = System.nanoTime();
        DatacenterReport r = DatacenterSimulation.run(scenario, (sim, total, events, migrations) -> {
            if (sim % 21600 == 0) {
                System.out.printf(Locale.ROOT, "  simulated %5.1f h  events %,d  migrations %,d  (%.1f s)%n",
                        sim / 3600, events, migrations, (System.nanoTime() - read0) / 1e9);
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "scenario        %s: %,d hosts, %,d VMs, %.0f h, interval %.0f s, profile %s, "
                        + "policy %s%n", r.scenario(), r.hosts(), r.vms(), r.durationSeconds() / 3600,
                scenario.intervalSeconds(), r.profile(), r.policy());
        System.out.printf(Locale.ROOT, "wall time       %.1f s (reading the scenario: %.1f s)%n", wall,
                (t0 - read0) / 1e9);
        System.out.printf(Locale.ROOT, "process CPU     %.1f s (JIT and GC threads included; all of the run)%n", cpu);
        System.out.printf(Locale.ROOT, "events          %,d (%,.0f per second)%n", r.eventsExecuted(),
                r.eventsExecuted() / wall);
        System.out.printf(Locale.ROOT, "migrations      %,d %s, not converged %,d, cancelled %,d%n",
                r.migrations().size(), r.migrationsByReason(), r.migrationsNotConverged(), r.migrationsCancelled());
        System.out.printf(Locale.ROOT, "energy          %,.0f kWh; SLA overload share %.4f; VM downtime %.1f s%n",
                r.energyKWh(), r.overloadShare(), r.totalDowntimeSeconds());
        System.out.printf(Locale.ROOT, "peak heap       %,.0f MiB (max %,.0f MiB)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static Path find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) return p.resolve(relative);
        }
        throw new IllegalArgumentException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
