package io.miglab.qemu.migrate;

import io.miglab.core.result.RoundStats;
import io.miglab.qemu.qmp.QmpEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the per-round table from a run's time series. A round is one dirty-sync period: from sync k to sync
 * k+1. Sync times come from QEMU's {@code MIGRATION_PASS} events (exact, in microseconds); without them from the
 * first sample that shows the new {@code dirty-sync-count} (up to one poll interval late). Bytes and pages at a
 * sync are interpolated linearly between the samples around it, since QEMU reports them only when asked.
 *
 * <p>Sync 1 is QEMU's initial one at setup, so round 0 (the full pass) runs from sync 1 to sync 2. How many
 * rounds a run had depends on how it ended: see {@link #precopyRounds}.
 */
final class RoundExtractor {
    private static final double WIRE_PAGE_BYTES = QemuMigrationPlan.PAGE_SIZE + 8;
    private final List<MigrationSample> samples;
    private final TreeMap<Long, Long> syncMicros = new TreeMap<>();

    RoundExtractor(List<MigrationSample> series, List<QmpEvent> events, long startWallMicros) {
        this.samples = new ArrayList<>();
        this.samples.add(new MigrationSample(0, startWallMicros, "setup", -1, -1, -1, -1, 0, 0, -1, -1, 0, 0, 0,
                -1, -1, 0, 0, 0, 0, -1));
        for (MigrationSample s : series) if (s.hasRam()) samples.add(s);
        for (QmpEvent e : events) {
            if (e.name().equals("MIGRATION_PASS") && e.qemuMicros() >= startWallMicros) {
                syncMicros.putIfAbsent(e.data().path("pass").asLong(), e.qemuMicros());
            }
        }
        for (MigrationSample s : series) {
            for (long k = 1; k <= s.dirtySyncCount(); k++) syncMicros.putIfAbsent(k, s.wallMicros());
        }
    }

    /**
     * Completed pre-copy: the last sync is the one at completion (ram_save_complete), so rounds = syncs - 2.
     * Switched to post-copy: the switch syncs once more (ram_postcopy_send_discard_bitmap): rounds = syncs at the
     * switch - 2. Cancelled or failed: every sync after the first closed a round: rounds = syncs - 1.
     */
    static int precopyRounds(long syncs, boolean endedWithFinalSync) {
        return (int) Math.max(0, endedWithFinalSync ? syncs - 2 : syncs - 1);
    }

    Map<Long, Long> syncTimes() {
        return syncMicros;
    }

    /**
     * @param capBytes     no round reaches past this many bytes (the run's precopy-bytes), -1 for none
     */
    List<RoundStats> rounds(int count, long capBytes) {
        List<RoundStats> out = new ArrayList<>();
        long[] bytes = new long[count];
        double[] ms = new double[count];
        long[] pages = new long[count];
        for (int r = 0; r < count; r++) {
            Long from = syncMicros.get((long) r + 1), to = syncMicros.get((long) r + 2);
            if (from == null || to == null) break;
            bytes[r] = Math.max(0, Math.round(capped(at(to, true), capBytes) - capped(at(from, true), capBytes)));
            pages[r] = Math.max(0, Math.round(at(to, false) - at(from, false)));
            ms[r] = (to - from) / 1000.0;
        }
        for (int r = 0; r < count; r++) {
            // pages dirtied in a period are sent in the next one; the last period's successor is the switch-over,
            // which also carries the rest of the pass QEMU cut short, so QEMU's own dirty-pages-rate stands there
            double dirtyRate;
            if (r + 1 < count && ms[r] > 0) {
                dirtyRate = bytes[r + 1] / WIRE_PAGE_BYTES / (ms[r] / 1000);
            } else {
                dirtyRate = Math.max(0, sampleAfter(syncMicros.getOrDefault((long) r + 2, Long.MAX_VALUE))
                        .dirtyPagesRate());
            }
            int throttle = sampleBefore(syncMicros.getOrDefault((long) r + 1, 0L)).throttlePercent();
            out.add(new RoundStats(r, pages[r], bytes[r], ms[r], dirtyRate, throttle));
        }
        return out;
    }

    private static double capped(double v, long cap) {
        return cap >= 0 ? Math.min(v, cap) : v;
    }

    /** Bytes (or pages) sent by wall time {@code micros}, interpolated. */
    private double at(long micros, boolean bytes) {
        MigrationSample prev = samples.get(0);
        for (MigrationSample s : samples) {
            if (s.wallMicros() >= micros) {
                double a = bytes ? prev.transferred() : prev.pagesSent();
                double b = bytes ? s.transferred() : s.pagesSent();
                long span = s.wallMicros() - prev.wallMicros();
                return span <= 0 ? b : a + (b - a) * (micros - prev.wallMicros()) / (double) span;
            }
            prev = s;
        }
        return bytes ? prev.transferred() : prev.pagesSent();
    }

    private MigrationSample sampleBefore(long micros) {
        MigrationSample best = samples.get(0);
        for (MigrationSample s : samples) if (s.wallMicros() <= micros) best = s;
        return best;
    }

    private MigrationSample sampleAfter(long micros) {
        for (MigrationSample s : samples) if (s.wallMicros() >= micros) return s;
        return samples.get(samples.size() - 1);
    }
}
