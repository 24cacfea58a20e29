package io.miglab.cli.bench;

import io.miglab.bench.run.BenchConfig;
import io.miglab.cli.spec.Values;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The migration settings a benchmark run may change from the reference platform (QEMU-like pre-copy, 1 Gbit/s,
 * 300 ms). The guest (256 MiB) and its writes are fixed by the workloads, so SpecOptions' memory and write-model
 * flags do not apply here.
 */
public final class BenchPlatformOptions {
    @Option(names = "--hypervisor", paramLabel = "NAME", description = "Start from this hypervisor profile (the "
            + "same profiles as simulate and the datacenter: qemu, xen, vmware, none, ...) instead of the reference "
            + "platform; the flags below override it.")
    String hypervisor;

    @Option(names = "--algorithm", paramLabel = "NAME", descriptionKey = "algorithm",
            description = "Migration algorithm, one of the registry's (miglab algorithms). Default: precopy")
    String algorithm;

    @Option(names = "--policy", paramLabel = "qemu|xen", description = "When pre-copy stops: qemu (downtime limit, "
            + "cancel after the timeout) or xen (50 pages, 30 rounds, 3x memory, then stop-and-copy). Default: qemu")
    String policy;

    @Option(names = "--bandwidth", paramLabel = "RATE", description = "Link bandwidth (QEMU: max-bandwidth). "
            + "Default: 1Gbit/s")
    String bandwidth;

    @Option(names = "--downtime-limit", paramLabel = "DURATION", description = "qemu policy: converge when the rest "
            + "fits this. Default: 300ms")
    String downtimeLimit;

    @Option(names = "--timeout", paramLabel = "DURATION", descriptionKey = "bench-timeout", description = "qemu policy: cancel a migration that has "
            + "not converged after this. Default: 60s")
    String timeout;

    @Option(names = "--auto-converge", description = "QEMU's auto-converge throttling with its default settings.")
    boolean autoConverge;

    /** The platform; the algorithm's name is checked against {@code algorithms} before anything runs. */
    MigrationSpec platform(AlgorithmRegistry algorithms) {
        MigrationSpec p = BenchConfig.referencePlatform();
        if (hypervisor != null) {
            HypervisorProfiles known = HypervisorProfiles.standard();
            if (!known.contains(hypervisor.trim())) {
                throw new InvalidSpecException("hypervisor", "one of " + known.choices(), hypervisor);
            }
            p = known.get(hypervisor.trim()).specFor(p.memory(), p.writeModel(), p.link().bandwidth(),
                    p.link().roundTripLatency(), p.seed());
        }
        if (algorithm != null) p = p.withAlgorithm(algorithms.entry(algorithm.trim()).name());
        if (bandwidth != null) {
            p = p.withLink(new Link(Values.rate("bandwidth", bandwidth), p.link().roundTripLatency(),
                    p.link().bandwidthCap()));
        }
        if (policy == null && downtimeLimit == null && timeout == null) {
            if (autoConverge) p = p.withAutoConverge(Optional.of(AutoConverge.qemuDefaults()));
            return p;
        }
        String pol = policy == null ? "qemu" : Values.choice("policy", policy, "qemu", "xen");
        if (pol.equals("xen")) {
            if (downtimeLimit != null || timeout != null) {
                throw new InvalidSpecException(downtimeLimit != null ? "downtime-limit" : "timeout",
                        "only with --policy qemu (xen stops at 50 dirty pages, 30 rounds or 3x memory)",
                        downtimeLimit != null ? downtimeLimit : timeout);
            }
            p = p.withPolicy(TerminationPolicy.xen());
        } else {
            p = p.withPolicy(TerminationPolicy.qemu(
                    downtimeLimit == null ? TerminationPolicy.QEMU_DOWNTIME_LIMIT
                            : Values.duration("downtime-limit", downtimeLimit),
                    timeout == null ? BenchConfig.REFERENCE_TIMEOUT : Values.duration("timeout", timeout)));
        }
        if (autoConverge) p = p.withAutoConverge(Optional.of(AutoConverge.qemuDefaults()));
        return p;
    }
}
