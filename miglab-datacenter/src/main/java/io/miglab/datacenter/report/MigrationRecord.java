package io.miglab.datacenter.report;

import io.miglab.core.result.MigrationResult;

/**
 * One migration in a datacenter run: who moved where, why, when, and its common result (backend "datacenter";
 * its times count from {@code startedAtSeconds}).
 *
 * @param requestedAtSeconds when the policy asked for it
 * @param startedAtSeconds   when it left the queue (concurrency limits) and began
 */
public record MigrationRecord(String vm, String source, String destination, String reason,
                              double requestedAtSeconds, double startedAtSeconds, MigrationResult result) {
    public double endedAtSeconds() { return startedAtSeconds + result.timing().totalTimeMs() / 1000; }
}
