package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.launch.QemuProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Whether a report (console line, answer) stamped after {@code nanos} has arrived. */
    boolean reportedAfter(long nanos, boolean migrated);

    /** The window from the first report at or after {@code from} to the last at or before {@code to}. */
    Optional<ThroughputMeter.Window> within(long fromNanos, long toNanos);

    /** The smallest window of reports containing [{@code from}, {@code to}]; {@code migrated}: the guest moved. */
    Optional<ThroughputMeter.Window> around(long fromNanos, long toNanos, boolean migrated);

    /**
     * Lines for the result's assumptions about how the work was counted over {@code window} against
     * {@code baseline} (per second), measured after the window as well; nothing for the console programs.
     */
    default List<String> notes(ThroughputMeter.Window window, double baseline, long migrationStartNanos)
            throws InterruptedException {
        return List.of();
    }

    @Override
    void close();
}
