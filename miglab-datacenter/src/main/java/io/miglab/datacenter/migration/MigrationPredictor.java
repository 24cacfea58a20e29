package io.miglab.datacenter.migration;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WriteModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a migration would cost if it ran alone at a given rate: the datacenter's own rate-based migration
 * ({@link RateBasedBackend}) of the spec the scheduler would build (the profile's algorithm, termination policy,
 * cap and throttling), so policies weigh moves with the same model that then carries them out. Results are kept
 * per guest memory, writer and rate (VMs of one population share them), so a prediction is mostly a map look-up.
 */
public final class MigrationPredictor {
    private record Key(GuestMemory memory, WriteModel writes, double bytesPerSecond) { }

    private final HypervisorProfile profile;
    private final Duration roundTrip;
    private final RateBasedBackend backend;
    private final Map<Key, MigrationResult> cache = new HashMap<>();

    public MigrationPredictor(HypervisorProfile profile, Duration roundTrip, AlgorithmRegistry algorithms) {
        this.profile = profile;
        this.roundTrip = roundTrip;
        this.backend = new RateBasedBackend(algorithms, profile.sdps());
    }

    /** The migration of a guest with {@code memory} and {@code writes} over a NIC share of {@code bytesPerSecond}. */
    public MigrationResult predict(GuestMemory memory, WriteModel writes, double bytesPerSecond) {
        return cache.computeIfAbsent(new Key(memory, writes, bytesPerSecond), k -> backend.migrate(
                profile.specFor(memory, writes, DataRate.ofBytesPerSecond(bytesPerSecond), roundTrip, 0)));
    }
}
