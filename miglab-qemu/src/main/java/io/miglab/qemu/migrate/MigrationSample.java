package io.miglab.qemu.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One {@code query-migrate} answer of the source, taken every poll interval: the raw time series of a run.
 * Absent numbers are -1. Times are QEMU's milliseconds; sizes bytes; pages 4 KiB pages.
 *
 * @param elapsedMs         host time since the {@code migrate} command
 * @param wallMicros        host wall clock when the answer arrived (QMP events carry the same clock)
 * @param status            {@code setup}, {@code active}, {@code postcopy-active}, {@code completed},
 *                          {@code cancelling}, {@code cancelled}, {@code failed}, {@code postcopy-paused}, ...
 * @param dirtySyncCount    dirty-bitmap syncs so far (1 after setup, one per pass, one at completion)
 * @param dirtyPagesRate    QEMU's dirty rate of the last sync period, pages/s
 * @param duplicatePages    zero pages, sent as a header only
 * @param normalPages       pages sent in full
 */
public record MigrationSample(double elapsedMs, long wallMicros, String status, long totalTimeMs, long setupTimeMs,
                              long downtimeMs, long expectedDowntimeMs, int throttlePercent, long transferred,
                              long remaining, long total, long duplicatePages, long normalPages,
                              long dirtySyncCount, long dirtyPagesRate, double mbps, long precopyBytes,
                              long downtimeBytes, long postcopyBytes, long postcopyRequests, long pagesPerSecond) {

    public static MigrationSample from(JsonNode info, double elapsedMs, long wallMicros) {
        JsonNode ram = info.path("ram");
        return new MigrationSample(elapsedMs, wallMicros, info.path("status").asText("none"),
                num(info, "total-time"), num(info, "setup-time"), num(info, "downtime"),
                num(info, "expected-downtime"), (int) Math.max(0, num(info, "cpu-throttle-percentage")),
                num(ram, "transferred"), num(ram, "remaining"), num(ram, "total"), num(ram, "duplicate"),
                num(ram, "normal"), num(ram, "dirty-sync-count"), num(ram, "dirty-pages-rate"),
                ram.path("mbps").asDouble(-1), num(ram, "precopy-bytes"), num(ram, "downtime-bytes"),
                num(ram, "postcopy-bytes"), num(ram, "postcopy-requests"), num(ram, "pages-per-second"));
    }

    private static long num(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asLong() : -1;
    }

    /** QEMU reported RAM figures in this sample (not during setup or after a cancel). */
    public boolean hasRam() {
        return transferred >= 0;
    }

    /** Pages sent so far, zero pages included. */
    public long pagesSent() {
        return Math.max(0, duplicatePages) + Math.max(0, normalPages);
    }

    /**
     * Host ms from the migrate command to the last sample before QEMU's vCPU throttle first rose above 0
     * (auto-converge); the last sample's when it never did.
     */
    static double unthrottledUntilMs(List<MigrationSample> series) {
        double until = 0;
        for (MigrationSample s : series) {
            if (s.throttlePercent() > 0) break;
            until = s.elapsedMs();
        }
        return until;
    }

    public boolean isFinal() {
        return switch (status) {
            case "completed", "failed", "cancelled" -> true;
            default -> false;
        };
    }
}
