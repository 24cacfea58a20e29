package io.miglab.qemu.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Samples processes from {@code /proc} at a fixed interval on a daemon thread, one {@link ProcSnapshot} per
 * process per tick, until closed. Processes can be added while it runs (a destination started later); a process
 * that has exited simply gets no more snapshots.
 */
public final class ProcSampler implements AutoCloseable {
    /** The interval of the recipe's {@code query-migrate} polling, fine enough for migrations of a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final long intervalNanos;
    private final Map<Long, List<ProcSnapshot>> snapshots = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ProcSampler(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::loop, "miglab-proc-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling {@code pid} now (one snapshot at once, then at every tick). */
    public void watch(long pid) {
        synchronized (snapshots) {
            snapshots.putIfAbsent(pid, new ArrayList<>());
        }
        sample(pid);
    }

    /** The snapshots of {@code pid} so far, in time order (empty if it was never watched). */
    public List<ProcSnapshot> of(long pid) {
        synchronized (snapshots) {
            return List.copyOf(snapshots.getOrDefault(pid, List.of()));
        }
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            List<Long> pids;
            synchronized (snapshots) {
                pids = List.copyOf(snapshots.keySet());
            }
            for (long pid : pids) sample(pid);
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait < 0) next = System.nanoTime(); // fell behind on a loaded host: do not burst to catch up
            try {
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(long pid) {
        ProcSnapshot.read(pid).ifPresent(s -> {
            synchronized (snapshots) {
                List<ProcSnapshot> l = snapshots.get(pid);
                if (l != null) l.add(s);
            }
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
