package io.miglab.bench.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A run's row in the store.
 *
 * @param host       the machine that ran it ({@code InetAddress.getLocalHost().getHostName()})
 * @param pid        the process that ran it, with {@code pidStart} (its start instant) so a reused pid is not
 *                   mistaken for the run's process
 * @param configJson the configuration, also kept deduplicated in the {@code configs} table
 */
public record RunInfo(long id, String name, RunStatus status, String backend, String referenceName, String host,
                      long pid, Instant pidStart, Instant startedAt, Optional<Instant> finishedAt, String configJson,
                      String note) {
}
