package io.miglab.datacenter.policy;

import io.miglab.core.error.InvalidSpecException;

/**
 * The scheduling policy's settings.
 *
 * @param overThreshold            CPU share above which a host is over-utilised (load balancing; SLA accounting)
 * @param underThreshold           CPU share below which a host is emptied and switched off (consolidation)
 * @param placementCeiling         CPU share a placement may fill a host up to (at most overThreshold; lower leaves
 *                                 headroom so that the next rise in demand does not overload it at once)
 * @param maxMigrationsPerInterval migrations a policy may ask for per scheduling interval (evacuations exempt)
 * @param maxConcurrentPerHost     migrations a host may send or receive at once (more wait in a queue)
 * @param maxConcurrent            migrations in flight in the whole datacenter at once
 * @param coolDownSeconds          a VM asked to move less than this long ago is not picked again by the
 *                                 selections that honour it (the migration-aware one); evacuations ignore it
 */
public record PolicyConfig(String name, double overThreshold, double underThreshold, double placementCeiling,
                           String vmSelection,
                           String placement, int maxMigrationsPerInterval, int maxConcurrentPerHost,
                           int maxConcurrent, double coolDownSeconds) {
    /** The default of {@code policy.coolDown}: 12 scheduling intervals of 300 s. */
    public static final double DEFAULT_COOL_DOWN_SECONDS = 3600;

    public PolicyConfig {
        InvalidSpecException.require(overThreshold > 0 && overThreshold <= 1, "policy.overThreshold",
                "a share from above 0 to 1", overThreshold);
        InvalidSpecException.require(underThreshold >= 0 && underThreshold < overThreshold,
                "policy.underThreshold", "a share from 0 to below overThreshold", underThreshold);
        InvalidSpecException.require(placementCeiling > underThreshold && placementCeiling <= overThreshold,
                "policy.placementCeiling", "a share above underThreshold, at most overThreshold", placementCeiling);
        InvalidSpecException.require(maxMigrationsPerInterval >= 0, "policy.maxMigrationsPerInterval",
                "a count >= 0", maxMigrationsPerInterval);
        InvalidSpecException.require(maxConcurrentPerHost >= 1, "policy.maxConcurrentPerHost", "a count >= 1",
                maxConcurrentPerHost);
        InvalidSpecException.require(maxConcurrent >= 1, "policy.maxConcurrent", "a count >= 1", maxConcurrent);
        InvalidSpecException.require(coolDownSeconds >= 0 && Double.isFinite(coolDownSeconds), "policy.coolDown",
                "a duration >= 0", coolDownSeconds);
    }

    /** The same with the default cool-down. */
    public PolicyConfig(String name, double overThreshold, double underThreshold, double placementCeiling,
                        String vmSelection, String placement, int maxMigrationsPerInterval, int maxConcurrentPerHost,
                        int maxConcurrent) {
        this(name, overThreshold, underThreshold, placementCeiling, vmSelection, placement, maxMigrationsPerInterval,
                maxConcurrentPerHost, maxConcurrent, DEFAULT_COOL_DOWN_SECONDS);
    }

    public static PolicyConfig defaults(String name) {
        return new PolicyConfig(name, 0.8, 0.2, 0.8, "smallest-memory", "best-fit", 1000, 2, 1000,
                DEFAULT_COOL_DOWN_SECONDS);
    }
}
