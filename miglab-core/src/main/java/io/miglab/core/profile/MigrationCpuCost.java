package io.miglab.core.profile;

import io.miglab.core.error.InvalidSpecException;

/**
 * Host CPU a migration costs per GiB sent, source and destination together, and the share of it the destination
 * spends (the source spends the rest). The datacenter charges it to both hosts while a migration sends.
 *
 * @param cpuSecondsPerGiB host CPU-seconds per GiB sent, both sides; 0: not measured
 * @param destinationShare the destination's fraction of it, 0 to 1
 */
public record MigrationCpuCost(double cpuSecondsPerGiB, double destinationShare) {
    /** No measured cost: the datacenter charges the scenario's {@code network.migrationCoresPerGbps} instead. */
    public static final MigrationCpuCost NOT_MEASURED = new MigrationCpuCost(0, 0.5);

    public MigrationCpuCost {
        check("profile", cpuSecondsPerGiB, destinationShare);
    }

    /** The cost; a value out of range is refused naming {@code field.migrationCpuSecondsPerGiB} or its share. */
    public static MigrationCpuCost of(String field, double cpuSecondsPerGiB, double destinationShare) {
        check(field, cpuSecondsPerGiB, destinationShare);
        return new MigrationCpuCost(cpuSecondsPerGiB, destinationShare);
    }

    private static void check(String field, double cpuSecondsPerGiB, double destinationShare) {
        InvalidSpecException.require(cpuSecondsPerGiB >= 0 && cpuSecondsPerGiB <= 1000,
                field + ".migrationCpuSecondsPerGiB", "0 to 1000", cpuSecondsPerGiB);
        InvalidSpecException.require(destinationShare >= 0 && destinationShare <= 1,
                field + ".migrationCpuDestinationShare", "0 to 1", destinationShare);
    }

    public boolean measured() {
        return cpuSecondsPerGiB > 0;
    }

    /** CPU-seconds the source host spends per GiB it sends. */
    public double sourceCpuSecondsPerGiB() {
        return cpuSecondsPerGiB * (1 - destinationShare);
    }

    /** CPU-seconds the destination host spends per GiB it receives. */
    public double destinationCpuSecondsPerGiB() {
        return cpuSecondsPerGiB * destinationShare;
    }
}
