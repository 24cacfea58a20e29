package io.miglab.qemu.calibrate;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link GuestCalibration#observed} as the settings a user types: {@code miglab simulate --hypervisor qemu} with
 * these flags builds the same spec (the CLI's {@code ObservedInputsCliTest} holds that for every case of the
 * comparison corpus), so the corpus's simulator side is what the command says. Only what differs from the qemu
 * profile is given.
 */
public final class ObservedInputs {
    private ObservedInputs() {
    }

    /** Setting name (the flag without {@code --}) to value, in the order a command line gives them. */
    public static Map<String, String> settings(MigrationSpec user) {
        MigrationSpec spec = GuestCalibration.observed(user);
        HypervisorProfile qemu = HypervisorProfiles.standard().get("qemu");
        Map<String, String> s = new LinkedHashMap<>();
        s.put("hypervisor", "qemu");
        GuestMemory m = spec.memory();
        s.put("memory", size(m.size()));
        s.put("zero-pages", Double.toString(m.zeroPageShare()));
        if (m.layout() != MemoryLayout.MIDDLE) s.put("memory-layout", m.layout().word());
        writes(spec.writeModel(), s);
        s.put("bandwidth", rate(spec.link().bandwidth()));
        spec.link().bandwidthCap().ifPresent(c -> s.put("bandwidth-cap", rate(c)));
        if (!spec.link().postCopyCap().equals(qemu.postCopyCap())) {
            s.put("postcopy-bandwidth-cap", spec.link().postCopyCap().map(ObservedInputs::rate).orElse("none"));
        }
        if (spec.link().roundTripLatency().toNanos() > 0) s.put("latency", duration(spec.link().roundTripLatency()));
        if (!spec.algorithm().equals(qemu.algorithm())) s.put("algorithm", spec.algorithm());
        spec.policy().find(StopCondition.DowntimeBelow.class).ifPresent(d -> s.put("downtime-limit",
                duration(d.limit())));
        spec.policy().find(StopCondition.Timeout.class).ifPresent(t -> s.put("timeout", duration(t.after())));
        spec.autoConverge().ifPresent(a -> {
            s.put("auto-converge", "true");
            s.put("throttle-initial", Integer.toString(a.initialPercent()));
            s.put("throttle-increment", Integer.toString(a.incrementPercent()));
            s.put("throttle-max", Integer.toString(a.maxPercent()));
            s.put("throttle-trigger-threshold", Integer.toString(a.triggerThresholdPercent()));
            if (a.syncWaitsForVcpu()) s.put("throttle-sync-waits", "true");
        });
        if (spec.optimisations().zeroPageElision() != qemu.optimisations().zeroPageElision()) {
            s.put("zero-page-elision", Boolean.toString(spec.optimisations().zeroPageElision()));
        }
        spec.optimisations().xbzrle().ifPresent(x -> {
            s.put("xbzrle", "true");
            s.put("xbzrle-cache", size(x.cacheSize()));
            s.put("xbzrle-delta", Double.toString(x.deltaRatio()));
        });
        if (spec.optimisations().multifdChannels() > 0) {
            s.put("multifd-channels", Integer.toString(spec.optimisations().multifdChannels()));
        }
        if (spec.postCopy().precopyRounds() != qemu.postCopy().precopyRounds()) {
            s.put("precopy-rounds", Integer.toString(spec.postCopy().precopyRounds()));
        }
        spec.postCopy().switchAfter().ifPresent(d -> s.put("switch-after", duration(d)));
        if (spec.postCopy().prepagingPages() != qemu.postCopy().prepagingPages()) {
            s.put("prepaging", Integer.toString(spec.postCopy().prepagingPages()));
        }
        if (spec.postCopy().preempt() != qemu.postCopy().preempt()) {
            s.put("postcopy-preempt", Boolean.toString(spec.postCopy().preempt()));
        }
        // the guest's own figure, stated even when it is the profile's: another guest's differs
        if (AlgorithmRegistry.standard().create(spec.algorithm()).mayUsePostCopy()) {
            s.put("resume-pages", Integer.toString(spec.overheads().resumeFaults().pages()));
            s.put("resume-written", Double.toString(spec.overheads().resumeFaults().writtenShare()));
            s.put("resume-run", duration(spec.overheads().resumeFaults().runPerPage()));
        }
        if (spec.seed() != 1) s.put("seed", Long.toString(spec.seed()));
        return s;
    }

    /** The command line: {@code miglab simulate --hypervisor qemu --memory 256MiB ...}. */
    public static String command(MigrationSpec user) {
        return "miglab simulate " + settings(user).entrySet().stream()
                .map(e -> e.getValue().equals("true") ? "--" + e.getKey() : "--" + e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static void writes(WriteModel model, Map<String, String> s) {
        WriteModel inner = model instanceof PacedWrites p ? p.inner() : model;
        if (inner instanceof NoWrites) return;
        if (inner instanceof SweepWrites sweep) {
            s.put("write-model", "sweep");
            s.put("working-set", size(sweep.array()));
            s.put("dirty-rate", number(sweep.pagesPerSecond()));
            if (sweep.phaseUnknown()) s.put("writer-phase", "median");
            else if (sweep.phase().getAsDouble() != 0) s.put("writer-phase", number(sweep.phase().getAsDouble()));
        } else if (inner instanceof WorkingSetWrites random) {
            // the guest's writer in random order over its array: uniform writes within a working set
            s.put("write-model", "working-set");
            s.put("working-set", size(random.workingSet()));
            s.put("dirty-rate", number(random.hotPagesPerSecond()));
            if (random.coldPagesPerSecond() > 0) s.put("cold-dirty-rate", number(random.coldPagesPerSecond()));
        } else {
            throw new IllegalArgumentException("observed inputs: a sweep, a working set or no writes (got "
                    + model.describe() + ")");
        }
        if (model instanceof PacedWrites p) {
            s.put("paced", "true");
            s.put("catch-up", duration(p.catchUp()));
        }
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String size(ByteSize size) {
        return size.bytes() % ByteSize.MIB == 0 ? size.bytes() / ByteSize.MIB + "MiB" : size.bytes() + "B";
    }

    static String rate(DataRate rate) {
        double mib = rate.bytesPerSecond() / ByteSize.MIB;
        return mib == Math.rint(mib) ? (long) mib + "MiB/s"
                : BigDecimal.valueOf(rate.bytesPerSecond()).stripTrailingZeros().toPlainString() + "B/s";
    }

    static String duration(Duration d) {
        if (d.toNanos() % 1_000_000_000L == 0) return d.toSeconds() + "s";
        if (d.toNanos() % 1_000_000 == 0) return d.toMillis() + "ms";
        return d.toNanos() % 1000 == 0 ? d.toNanos() / 1000 + "us" : d.toNanos() + "ns";
    }
}
