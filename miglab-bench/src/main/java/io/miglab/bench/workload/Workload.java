package io.miglab.bench.workload;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.write.WriteModel;

/**
 * One benchmark workload: a fixed definition that every platform runs the same way. On real QEMU it is the
 * guest program with its parameters; on a model backend (simulator, closed form) it is {@link #writes()}.
 *
 * @param name                the name used on the command line and in the store ({@code mem-low}, ...)
 * @param description         one line for reports
 * @param program             the guest program
 * @param workingSetMiB       memwriter's working set ({@code ws_mb}); 0 for the other programs
 * @param dirtyPagesPerSecond memwriter's pace ({@code dirty_pps}); 0 for the other programs
 * @param writes              how the workload dirties memory, for the model backends
 * @param pretouchedBytes     memory the workload made resident (non-zero) before it is ready: memwriter touches
 *                            its whole working set first
 * @param nominalThroughput   throughput of a paced program (heartbeats/s, pages/s); for a CPU-bound one 1.0, i.e.
 *                            the models count its throughput relative to a whole host core
 */
public record Workload(String name, String description, GuestProgram program, int workingSetMiB,
                       int dirtyPagesPerSecond, WriteModel writes, long pretouchedBytes, double nominalThroughput) {
    public Workload {
        InvalidSpecException.require(name != null && name.matches("[a-z0-9-]+"), "workload", "a name of a-z, 0-9, -",
                name);
        InvalidSpecException.require(workingSetMiB >= 0, "ws_mb", "MiB >= 0", workingSetMiB);
        InvalidSpecException.require(dirtyPagesPerSecond >= 0, "dirty_pps", "pages/s >= 0", dirtyPagesPerSecond);
        InvalidSpecException.require(nominalThroughput > 0, "throughput", "a throughput > 0", nominalThroughput);
    }

    public String throughputUnit() {
        return program.cpuBound() ? "relative" : program.throughputUnit();
    }
}
