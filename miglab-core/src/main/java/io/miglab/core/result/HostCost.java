package io.miglab.core.result;

/**
 * What a migration cost the host it ran on, measured on real backends by sampling the source's and the
 * destination's hypervisor processes ({@code /proc/PID/stat} utime and stime, {@code /proc/PID/status} VmHWM and
 * Threads, and each thread's {@code /proc/PID/task/TID/stat}). Model backends do not measure it: {@link #none()},
 * and writers leave its figures out.
 *
 * <p>The migration's CPU is counted per thread, by the names QEMU gives its threads: the source's migration
 * threads, and the destination's threads other than its vCPUs (the main loop loads the stream). These only grow
 * over the window, so they are never negative, and the guest's own vCPU time, which dominates under TCG and varies
 * from one window to the next, is not in them. The whole processes' CPU less a baseline is kept beside them.
 *
 * @param hostMeasured             the figures below were measured
 * @param migrationCpuUserMs       user CPU of both whole processes during the migration, less the same guest's
 *                                 user CPU over a window of the same length before the migration (the baseline);
 *                                 may be negative when the guest ran less while migrating
 * @param migrationCpuSystemMs     the same for system (kernel) CPU
 * @param baselineCpuMs            what the baseline subtracted: the guest's CPU, not migrating, for as long as the
 *                                 migration took
 * @param hostWindowMs             the migration window the CPU was summed over ({@code migrate} to the final status)
 * @param sourcePeakRssBytes       the source process's peak resident memory (VmHWM) at the end of the window
 * @param destinationPeakRssBytes  the destination process's peak resident memory at the end of the window
 * @param sourceThreads            the most threads the source process had during the window
 * @param destinationThreads       the most threads the destination process had during the window
 * @param sourceMigrationCpuUserMs   user CPU of the source's migration threads during the window
 * @param sourceMigrationCpuSystemMs system CPU of the source's migration threads during the window
 * @param destinationCpuUserMs       user CPU of the destination's threads other than its vCPUs during the window
 * @param destinationCpuSystemMs     system CPU of the same threads
 */
public record HostCost(boolean hostMeasured, double migrationCpuUserMs, double migrationCpuSystemMs,
                       double baselineCpuMs, double hostWindowMs, long sourcePeakRssBytes,
                       long destinationPeakRssBytes, int sourceThreads, int destinationThreads,
                       double sourceMigrationCpuUserMs, double sourceMigrationCpuSystemMs,
                       double destinationCpuUserMs, double destinationCpuSystemMs) {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;
    private static final HostCost NONE = new HostCost(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Not measured (model backends). */
    public static HostCost none() {
        return NONE;
    }

    /** The host CPU of the migration: the source's migration threads and the destination's non-vCPU threads. */
    public double migrationCpuMs() {
        return sourceMigrationCpuUserMs + sourceMigrationCpuSystemMs + destinationCpuUserMs + destinationCpuSystemMs;
    }

    /** Both whole processes' CPU during the migration less the baseline: user plus system. */
    public double processCpuMs() {
        return migrationCpuUserMs + migrationCpuSystemMs;
    }

    /** The migration's CPU ({@link #migrationCpuMs}) per GiB put on the wire (0 when nothing was sent). */
    public double cpuMsPerGiB(long bytesSent) {
        return bytesSent > 0 ? migrationCpuMs() / (bytesSent / GIB) : 0;
    }
}
