package io.miglab.libvirt.migrate;

import io.miglab.libvirt.nativeapi.JobStats;

/**
 * One sample of the source's running migration job ({@code virDomainGetJobStats}), taken every poll interval.
 *
 * @param hostMs host time since the migrate call, ms
 */
public record JobSample(double hostMs, JobStats stats) {
    /** libvirt's time_elapsed, or host time when absent. */
    public double elapsedMs() {
        long t = stats.number("time_elapsed");
        return t >= 0 ? t : hostMs;
    }

    /** QEMU's dirty-bitmap syncs (libvirt's memory_iteration): 1 after setup, one more per pass. */
    public long iteration() {
        return Math.max(0, stats.number("memory_iteration"));
    }

    public long processedBytes() {
        return Math.max(0, stats.number("data_processed"));
    }

    public long dirtyRate() {
        return Math.max(0, stats.number("memory_dirty_rate"));
    }

    public int throttlePercent() {
        return (int) Math.max(0, stats.number("auto_converge_throttle"));
    }
}
