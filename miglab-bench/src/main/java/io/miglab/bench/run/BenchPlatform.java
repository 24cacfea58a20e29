package io.miglab.bench.run;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.workload.Workload;
import java.time.Duration;

/**
 * What the benchmark needs from a platform beyond {@link io.miglab.core.MigrationBackend#migrate}: running a
 * workload, measuring its throughput with and without a migration, and putting the VM back on its home host.
 * {@link ModelPlatform} does it for any model backend; {@code QemuPlatform} for real QEMU.
 */
public interface BenchPlatform extends AutoCloseable {
    /** The backend's name, as in {@code MigrationResult.backend()}. */
    String backendName();

    /** Refuses, before anything starts, a configuration the platform cannot run (InvalidSpecException). */
    default void check(BenchConfig config) { }

    /** The workload's throughput without a migration, under {@code load}. */
    Baseline baseline(Workload workload, HostLoad load, BenchConfig config) throws InterruptedException;

    /**
     * Runs the workload, migrates it at {@code point} (1..N) and moves it back to the home host, so the next
     * measurement starts from the same place.
     */
    Measurement migrate(Workload workload, HostLoad load, int point, Baseline baseline, BenchConfig config)
            throws InterruptedException;

    /**
     * A rough a-priori length of one step (point 0: the baseline; 1..N: a migration point), for the time-left
     * estimate before anything has been measured.
     */
    Duration expectedStep(Workload workload, HostLoad load, int point, BenchConfig config);

    /** Stops what runs now (another thread calls this); the running call then ends with an exception. */
    void cancel();

    /** Releases everything the platform started (processes, temporary files). */
    @Override
    void close();
}
