package io.miglab.core.result;

/**
 * How long a migration and its parts took, in milliseconds.
 *
 * @param preparationTimeMs from the start to the first page sent
 * @param downtimeMs        the guest ran nowhere (the switch-over)
 * @param resumeTimeMs      part of the downtime spent bringing the guest up on the destination
 * @param totalTimeMs       from the start until the destination holds every page
 * @param precopyTimeMs     time spent in pre-copy rounds
 */
public record Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                     double precopyTimeMs) {
}
