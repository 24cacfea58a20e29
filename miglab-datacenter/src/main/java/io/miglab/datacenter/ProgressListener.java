package io.miglab.datacenter;

/** Told how far a run is, once per scheduling tick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (simulated, total, events, migrations) -> { };

    void progress(double simulatedSeconds, double totalSeconds, long events, long migrationsStarted);
}
