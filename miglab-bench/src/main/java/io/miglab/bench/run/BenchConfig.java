package io.miglab.bench.run;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.workload.Workload;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark run's settings.
 *
 * @param runName        a label stored with the run (and usable as a reference name later)
 * @param workloads      what runs in the guest, one after the other
 * @param hostLoads      the host-load scenarios; each is scored on its own
 * @param points         migrations per workload and host load, at evenly spaced points of the workload's run
 * @param runLength      the workload's run; point k of N starts k/(N+1) of the way through it
 * @param baselineWindow how long a real platform measures the throughput without migration
 * @param platform       the migration settings (guest memory, link, algorithm, policy, overheads); the workload's
 *                       write model, the seed and, on the models, the memory's state are filled in per migration
 * @param referenceName  the reference set to score against
 * @param seed           base seed of the model backends
 */
public record BenchConfig(String runName, List<Workload> workloads, List<HostLoad> hostLoads, int points,
                          Duration runLength, Duration baselineWindow, MigrationSpec platform, String referenceName,
                          long seed) {
    public static final int MAX_POINTS = 1000;
    /** Guest RAM of the benchmark VM, the same on every platform (QEMU {@code -m 256M}). */
    public static final ByteSize GUEST_MEMORY = ByteSize.ofMiB(256);
    /**
     * Zero pages of an idle guest, for the models: a fresh 256 MiB miglab guest sends 119 MiB with its 64 MiB
     * memwriter array resident (shared/qemu-recipe.md), so about 55 MiB are in use without the array: 1 - 55/256.
     */
    public static final double IDLE_ZERO_PAGE_SHARE = 1 - 55.0 / 256;
    /** The reference platform gives up a migration that has not converged after this long (QEMU has no limit;
     * pinned here so that core's default can change without changing the reference). */
    public static final Duration REFERENCE_TIMEOUT = Duration.ofSeconds(60);

    public BenchConfig {
        InvalidSpecException.require(runName != null && !runName.isBlank() && runName.length() <= 200, "run-name",
                "1 to 200 characters", runName);
        InvalidSpecException.require(workloads != null && !workloads.isEmpty(), "workloads", "at least one workload",
                workloads);
        workloads = List.copyOf(workloads);
        InvalidSpecException.require(hostLoads != null && !hostLoads.isEmpty(), "host-load", "light and/or heavy",
                hostLoads);
        hostLoads = List.copyOf(hostLoads);
        InvalidSpecException.require(points >= 1 && points <= MAX_POINTS, "points", "1 to " + MAX_POINTS, points);
        InvalidSpecException.require(runLength != null && runLength.toMillis() >= 1000
                && runLength.compareTo(Duration.ofHours(24)) <= 0, "run-length", "1s to 24h", runLength);
        InvalidSpecException.require(baselineWindow != null && baselineWindow.toMillis() >= 1000
                && baselineWindow.compareTo(Duration.ofHours(1)) <= 0, "baseline-window", "1s to 1h", baselineWindow);
        java.util.Objects.requireNonNull(platform, "platform");
        InvalidSpecException.require(referenceName != null && !referenceName.isBlank(), "reference",
                "a reference name", referenceName);
    }

    /**
     * The reference platform, also the default: QEMU-like pre-copy over 1 Gbit/s, QEMU's 300 ms downtime limit and
     * no round limit (cancelled after 60 s), a 256 MiB guest. Overheads as measured on QEMU 10 (recipe): setup and
     * resume of a few tens of ms, a dirty-log sync that costs about 2 ms per GiB.
     */
    public static MigrationSpec referencePlatform() {
        return MigrationSpec.of(GUEST_MEMORY, DataRate.ofGbitps(1))
                .withMemory(GuestMemory.of(GUEST_MEMORY).withZeroPageShare(IDLE_ZERO_PAGE_SHARE))
                .withLink(Link.of(DataRate.ofGbitps(1)))
                .withAlgorithm("precopy")
                .withPolicy(TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT, REFERENCE_TIMEOUT))
                .withOverheads(new Overheads(Duration.ofMillis(10), Duration.ofMillis(20), ByteSize.ofKiB(256),
                        Duration.ofMillis(2)));
    }

    /** Every standard workload, light load, 3 points, 30 s runs, the reference platform. */
    public static BenchConfig defaults(String runName) {
        return new BenchConfig(runName, Workloads.standard(), List.of(HostLoad.LIGHT), 3, Duration.ofSeconds(30),
                Duration.ofSeconds(10), referencePlatform(), ReferenceSets.DEFAULT, 1);
    }

    /** Start offset of point {@code k} (1..N): k/(N+1) of the run. */
    public Duration pointOffset(int k) {
        return Duration.ofNanos(runLength.toNanos() / (points + 1) * k);
    }

    public BenchConfig withWorkloads(List<Workload> w) {
        return new BenchConfig(runName, w, hostLoads, points, runLength, baselineWindow, platform, referenceName, seed);
    }

    public BenchConfig withHostLoads(List<HostLoad> h) {
        return new BenchConfig(runName, workloads, h, points, runLength, baselineWindow, platform, referenceName, seed);
    }

    public BenchConfig withPoints(int n) {
        return new BenchConfig(runName, workloads, hostLoads, n, runLength, baselineWindow, platform, referenceName,
                seed);
    }

    public BenchConfig withRunLength(Duration d) {
        return new BenchConfig(runName, workloads, hostLoads, points, d, baselineWindow, platform, referenceName, seed);
    }

    public BenchConfig withBaselineWindow(Duration d) {
        return new BenchConfig(runName, workloads, hostLoads, points, runLength, d, platform, referenceName, seed);
    }

    public BenchConfig withPlatform(MigrationSpec p) {
        return new BenchConfig(runName, workloads, hostLoads, points, runLength, baselineWindow, p, referenceName,
                seed);
    }

    public BenchConfig withReference(String r) {
        return new BenchConfig(runName, workloads, hostLoads, points, runLength, baselineWindow, platform, r, seed);
    }

    public BenchConfig withRunName(String n) {
        return new BenchConfig(n, workloads, hostLoads, points, runLength, baselineWindow, platform, referenceName,
                seed);
    }

    public BenchConfig withSeed(long s) {
        return new BenchConfig(runName, workloads, hostLoads, points, runLength, baselineWindow, platform,
                referenceName, s);
    }
}
