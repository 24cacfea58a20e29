package io.miglab.cli.bench;

import io.miglab.bench.run.BenchConfig;
import io.miglab.cli.spec.Setting.Use;
import io.miglab.cli.spec.SettingOptions;
import io.miglab.cli.spec.Settings;
import io.miglab.cli.spec.Values;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The migration settings a benchmark run may change from the reference platform (QEMU-like pre-copy, 1 Gbit/s,
 * 300 ms), as a picocli mixin: the settings of {@code io.miglab.cli.spec.Settings} that bench takes, with the
 * reference platform's defaults. The guest (256 MiB) and its writes are fixed by the workloads, so SpecOptions'
 * memory and write-model flags do not apply here.
 */
@Command(modelTransformer = BenchPlatformOptions.Flags.class)
public final class BenchPlatformOptions {
    /** Adds the settings' options to the mixin, where the mixin is declared among bench's own options. */
    public static final class Flags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return SettingOptions.addTo(spec, Use.BENCH, false);
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private String given(String name) {
        return SettingOptions.given(command, Settings.get(name)).orElse(null);
    }

    /** The value given, or bench's default (the reference platform's). */
    private static String orDefault(String name, String given) {
        return given != null ? given : Settings.get(name).as(Use.BENCH).dflt().value();
    }

    /** The platform; the algorithm's name is checked against {@code algorithms} before anything runs. */
    MigrationSpec platform(AlgorithmRegistry algorithms) {
        String hypervisor = given("hypervisor"), algorithm = given("algorithm"), bandwidth = given("bandwidth");
        String policy = given("policy"), downtimeLimit = given("downtime-limit"), timeout = given("timeout");
        String autoConverge = given("auto-converge");
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
        if (autoConverge != null) {
            p = p.withAutoConverge(Boolean.parseBoolean(autoConverge) ? Optional.of(AutoConverge.qemuDefaults())
                    : Optional.empty());
        }
        if (policy == null && downtimeLimit == null && timeout == null) return p;
        String pol = Values.choice("policy", orDefault("policy", policy), "qemu", "xen");
        if (pol.equals("xen")) {
            if (downtimeLimit != null || timeout != null) {
                throw new InvalidSpecException(downtimeLimit != null ? "downtime-limit" : "timeout",
                        "only with --policy qemu (xen stops at 50 dirty pages, 30 rounds or 3x memory)",
                        downtimeLimit != null ? downtimeLimit : timeout);
            }
            p = p.withPolicy(TerminationPolicy.xen());
        } else {
            p = p.withPolicy(TerminationPolicy.qemu(
                    Values.duration("downtime-limit", orDefault("downtime-limit", downtimeLimit)),
                    Values.duration("timeout", orDefault("timeout", timeout))));
        }
        return p;
    }
}
