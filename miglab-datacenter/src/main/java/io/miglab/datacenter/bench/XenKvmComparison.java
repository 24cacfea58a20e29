package io.miglab.datacenter.bench;

import io.miglab.core.result.MigrationResult;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Runs examples/datacenter/xen-vs-kvm.yaml (four VMs migrated at once from one host to four others) under the
 * xen and kvm profiles (or the profiles given after the file) and prints one Markdown table per profile: VM,
 * source, destination, migration time, downtime, data, rounds, why it stopped. The output is quoted in
 * docs/datacenter.md.
 */
public final class XenKvmComparison {
    private XenKvmComparison() { }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : find("examples/datacenter/xen-vs-kvm.yaml");
        List<String> profiles = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("xen", "kvm");
        Scenario base = ScenarioReader.read(file);
        HypervisorProfiles known = HypervisorProfiles.standard();
        for (String p : profiles) {
            DatacenterReport r = DatacenterSimulation.run(base.withProfile(known.get(p)), null);
            System.out.println("Profile " + p + ": " + known.get(p).description());
            System.out.println();
            System.out.println("| VM | source | destination | migration time s | downtime ms | MiB sent | rounds "
                    + "| stop reason | converged | completed |");
            System.out.println("|---|---|---|---:|---:|---:|---:|---|---|---|");
            r.migrations().stream().sorted(Comparator.comparing(MigrationRecord::vm)).forEach(m -> {
                MigrationResult x = m.result();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %.0f | %.0f | %d | %s | %s | %s |%n", m.vm(),
                        m.source(), m.destination(), x.timing().totalTimeMs() / 1000, x.timing().downtimeMs(),
                        x.traffic().bytesTransferred() / 1048576.0, x.roundCount(), x.outcome().stopReason(),
                        x.outcome().converged(), x.outcome().completed());
            });
            System.out.println();
        }
    }

    private static Path find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) return p.resolve(relative);
        }
        throw new IllegalArgumentException("cannot find " + relative);
    }
}
