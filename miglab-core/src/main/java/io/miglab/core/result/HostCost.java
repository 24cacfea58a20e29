package io.miglab.core.result;

/**
 * What a migration cost the host it ran on, measured on real backends by sampling the source's and the
 * destination's hypervisor processes ({@code /proc/PID/stat} utime and stime, {@code /proc/PID/status} VmHWM and
 * Threads). Model backends do not measure it: {@link #none()}, and writers leave its figures out.
 *
 * @param hostMeasured             the figures below were measured
 * @param migrationCpuUserMs       user CPU of both processes during the migration, less the same guest's user CPU
 *                                 over a window of the same length before the migration (the baseline)
 * @param migrationCpuSystemMs     the same for system (kernel) CPU
 * @param baselineCpuMs            what the baseline subtracted: the guest's CPU, not migrating, for as long as the
 *                                 migration took
 * @param hostWindowMs             the migration window the CPU was summed over ({@code migrate} to the final status)
 * @param sourcePeakRssBytes       the source process's peak resident memory (VmHWM) at the end of the window
 * @param destinationPeakRssBytes  the destination process's peak resident memory at the end of the window
 * @param sourceThreads            the most threads the source process had during the window
 * @param destinationThreads       the most threads the destination process had during the window
 */
public record HostCost(boolean hostMeasured, double migrationCpuUserMs, double migrationCpuSystemMs,
                       double baselineCpuMs, double hostWindowMs, long sourcePeakRssBytes,
                       long destinationPeakRssBytes, int sourceThreads, int destinationThreads) {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;
    private static final HostCost NONE = new HostCost(false, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Not measured (model backends). */
    public static HostCost none() {
        return NONE;
    }

    /** The host CPU the migration used on top of the guest's own: user plus system. */
    public double migrationCpuMs() {
        return migrationCpuUserMs + migrationCpuSystemMs;
    }

    /** The migration's CPU per GiB put on the wire (0 when nothing was sent). */
    public double cpuMsPerGiB(long bytesSent) {
        return bytesSent > 0 ? migrationCpuMs() / (bytesSent / GIB) : 0;
    }
}
