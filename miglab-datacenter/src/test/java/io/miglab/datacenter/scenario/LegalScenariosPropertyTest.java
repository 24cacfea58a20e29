package io.miglab.datacenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.report.DatacenterReport;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * No small scenario the reader accepts hangs, exhausts the heap or ends in anything but a report or a one-line
 * refusal: random racks, populations (write rates up to 1e18 pages/s, working sets up to the VM's memory),
 * policies, profiles and maintenance, each within a time and heap budget. A host overfilled by a placement or a
 * migration would end the run with an IllegalStateException (Datacenter refuses it), failing the property.
 */
class LegalScenariosPropertyTest {
    static final Duration TIME_BUDGET = Duration.ofSeconds(30);
    static final long HEAP_BUDGET = 512L << 20;

    /** Guards the rule "no legal input hangs or exhausts memory" for datacenter scenarios. */
    @Property(tries = 40)
    void everySmallScenarioRunsOrIsRefusedWithinBudget(@ForAll("scenarios") String yaml) {
        resetPeaks();
        String outcome = assertTimeoutPreemptively(TIME_BUDGET, () -> {
            Scenario s;
            try {
                s = ScenarioReader.read(new StringReader(yaml), Path.of("."));
            } catch (InvalidSpecException e) {
                return "refused by the reader: " + e.field();
            }
            try {
                DatacenterReport r = DatacenterSimulation.run(s, null);
                assertThat(r.samples()).isNotEmpty();
                return "ran";
            } catch (InvalidSpecException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
                return "refused: " + e.field().replaceAll("\\[.*", "");
            }
        }, () -> "over " + TIME_BUDGET.toSeconds() + " s:\n" + yaml);
        Statistics.collect(outcome);
        assertThat(heldPeak()).as("heap kept by\n%s", yaml).isLessThan(HEAP_BUDGET);
    }

    @Provide
    Arbitrary<String> scenarios() {
        return Arbitraries.longs().map(seed -> scenario(new Random(seed)));
    }

    static String scenario(Random r) {
        StringBuilder y = new StringBuilder();
        int rackGroups = 1 + r.nextInt(2), racks = 0;
        y.append("name: p\nseed: ").append(r.nextInt(100)).append('\n');
        y.append("duration: ").append(pick(r, "10m", "1h", "6h", "1d")).append('\n');
        y.append("schedulingInterval: ").append(pick(r, "60s", "300s", "1h")).append('\n');
        y.append("profile: ").append(pick(r, "kvm", "kvm-auto-converge", "xen", "vmware")).append('\n');
        y.append("initialPlacement: ").append(pick(r, "spread", "first-fit", "best-fit", "least-loaded")).append('\n');
        y.append("policy: {name: ").append(pick(r, "none", "load-balancing", "consolidation")).append("}\n");
        y.append("racks:\n");
        for (int g = 0; g < rackGroups; g++) {
            int count = 1 + r.nextInt(3);
            racks += count;
            y.append(String.format(Locale.ROOT, "  - {count: %d, hostsPerRack: %d, host: {cores: %d, memory: %s}}%n",
                    count, 1 + r.nextInt(6), 4 << r.nextInt(4), pick(r, "8G", "32G", "128G", "512G")));
        }
        int groups = r.nextInt(4);
        if (groups > 0) y.append("vms:\n");
        for (int g = 0; g < groups; g++) {
            int memoryGiB = 1 << r.nextInt(4);
            y.append(String.format(Locale.ROOT, "  - {name: g%d, count: %d, vcpus: %d, memory: %dG, writes: %s,"
                            + " cpu: {pattern: %s}}%n", g, r.nextInt(40), 1 + r.nextInt(4), memoryGiB,
                    writes(r, memoryGiB), pick(r, "constant", "diurnal", "random-walk")));
        }
        if (r.nextInt(3) == 0) {
            y.append("maintenance:\n  - {at: 5m, racks: [r").append(r.nextInt(racks)).append("]}\n");
        }
        return y.toString();
    }

    private static String writes(Random r, int memoryGiB) {
        String rate = String.format(Locale.ROOT, "%.3g", Math.pow(10, r.nextDouble() * 18));
        int regionMiB = 1 + r.nextInt(memoryGiB * 1024);
        return switch (r.nextInt(4)) {
            case 0 -> "{model: none}";
            case 1 -> "{model: uniform, pagesPerSecond: " + rate + "}";
            case 2 -> "{model: sweep, array: " + regionMiB + "M, pagesPerSecond: " + rate + "}";
            default -> "{model: working-set, workingSet: " + regionMiB + "M, pagesPerSecond: " + rate + "}";
        };
    }

    private static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** Peak of the heap pools that hold what survives collections (what a run keeps, not its garbage). */
    private static long heldPeak() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && !p.getName().contains("Eden")) peak += p.getPeakUsage().getUsed();
        }
        return peak;
    }
}
