package io.miglab.bench.metric;

import io.miglab.bench.host.HostLoad;

/**
 * A workload's own throughput without migration: the denominator of the migration overhead.
 *
 * @param throughput per second, in {@code unit}
 * @param windowMs   how long it was measured (0 for the models, which compute it)
 */
public record Baseline(String workload, HostLoad hostLoad, double throughput, String unit, double windowMs) {
}
