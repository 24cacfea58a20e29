package io.miglab.bench.run;

import java.time.Duration;

/**
 * A JVM shutdown hook (Ctrl-C, SIGTERM) that cancels a running benchmark and waits for it to store what it measured
 * and for the platform to stop its processes. Use with try-with-resources around {@link Benchmark#run}; closing
 * removes the hook.
 */
public final class CancelOnShutdown implements AutoCloseable {
    /** How long the hook lets the benchmark wind down before the JVM exits anyway. */
    public static final Duration GRACE = Duration.ofSeconds(30);
    private final Thread hook;

    public CancelOnShutdown(Benchmark benchmark) {
        this.hook = new Thread(() -> {
            benchmark.cancel();
            try {
                benchmark.awaitFinished(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "miglab-bench-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running; it ends on its own
        }
    }
}
