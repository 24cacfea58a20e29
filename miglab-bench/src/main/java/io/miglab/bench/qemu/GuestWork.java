package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.launch.QemuProcess;
import java.time.Duration;
import java.util.List;

/**
 * Where a benchmark step counts the work of its guest: the serial console (idle, memwriter, cpuburn) or the host's
 * HTTP load generator (web). Both are timestamped on the host, so the downtime shows.
 */
interface GuestWork extends AutoCloseable {
    /** Starts counting the work of {@code source} (for web: starts the load generator against it). */
    static GuestWork start(GuestProgram program, QemuProcess source, Duration maxDuration) {
        return program == GuestProgram.HTTPD ? WebWork.start(source, maxDuration) : new ConsoleWork(program, source);
    }

    /** A destination is about to receive the guest; count its work too once it runs there. */
    void follow(QemuProcess destination, Duration timeout);

    /** The work reports so far: the source's, and the destination's too once {@code migrated}. */
    ThroughputMeter.Series series(boolean migrated);

    /** Whether a report (console line, answer) stamped at or after {@code nanos} has arrived. */
    default boolean reportedAfter(long nanos, boolean migrated) {
        return series(migrated).reportedAfter(nanos);
    }

    /**
     * Lines for the result's assumptions about how the work was counted over {@code windows}, measured after the
     * migration window as well; nothing for the console programs.
     */
    default List<String> notes(ThroughputMeter.Windows windows, long migrationStartNanos)
            throws InterruptedException {
        return List.of();
    }

    @Override
    void close();
}
