package io.miglab.qemu.compare;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.ByteSize;
import java.util.List;
import java.util.Locale;

/** The per-case Markdown table of QEMU against the simulator: total time, downtime, bytes, rounds, with errors. */
final class ComparisonTable {
    /** Differences above this are flagged and explained in the findings. */
    static final double FLAG_PERCENT = 15;
    /** Marks a held-out case in the tables. */
    static final String HELD_OUT_MARK = " (held out)";
    static final String AFTER_FIT_MARK = " (after the fit)";
    /** Marks a run kept out of the statistics (QemuMeasurement.switchPolled). */
    static final String POLLED_MARK = " (switch asked at the first poll; not counted)";

    private ComparisonTable() {
    }

    static String render(List<CorpusStats.Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| case | QEMU total ms | sim total ms | err | QEMU downtime ms | heartbeat gap ms | sim downtime ms "
                + "| err | QEMU MiB | sim MiB | err | rounds QEMU / sim | outcome QEMU / sim |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CorpusStats.Row r : rows) {
            MigrationResult q = r.qemu().result(), s = r.sim();
            boolean both = r.bothCompleted();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %s | %.1f | %.1f | %s "
                            + "| %d / %d | %s / %s |\n",
                    r.runLabel() + (r.gridCase().heldOut() ? HELD_OUT_MARK
                            : r.qemu().afterFit() ? AFTER_FIT_MARK : "") + (r.qemu().switchPolled() ? POLLED_MARK : ""),
                    q.timing().totalTimeMs(), s.timing().totalTimeMs(),
                    error(q.timing().totalTimeMs(), s.timing().totalTimeMs()),
                    q.outcome().completed() ? used(String.format(Locale.ROOT, "%.0f", q.timing().downtimeMs()),
                            !r.gridCase().category().usesHeartbeat(r.qemu())) : "-",
                    r.qemu().heartbeatGapMs() >= 0 ? used(String.format(Locale.ROOT, "%.0f",
                            r.qemu().heartbeatGapMs()), r.gridCase().category().usesHeartbeat(r.qemu())) : "-",
                    s.outcome().completed() ? String.format(Locale.ROOT, "%.0f", s.timing().downtimeMs()) : "-",
                    both ? error(r.qemuDowntimeMs(), s.timing().downtimeMs()) : "",
                    q.traffic().bytesTransferred() / (double) ByteSize.MIB,
                    s.traffic().bytesTransferred() / (double) ByteSize.MIB,
                    error(q.traffic().bytesTransferred(), s.traffic().bytesTransferred()), q.roundCount(),
                    s.roundCount(), outcome(q), outcome(s)));
        }
        return md.toString();
    }

    /** The QEMU figure the downtime error is taken against is in italics. */
    private static String used(String value, boolean used) {
        return used ? "_" + value + "_" : value;
    }

    /** Relative error of the simulator against QEMU, bold when above {@link #FLAG_PERCENT}. */
    static String error(double qemu, double sim) {
        if (qemu <= 0) return sim <= 0 ? "0 %" : "n/a";
        double e = 100 * (sim - qemu) / qemu;
        String s = String.format(Locale.ROOT, "%+.0f %%", e);
        return Math.abs(e) > FLAG_PERCENT ? "**" + s + "**" : s;
    }

    static double errorPercent(double qemu, double sim) {
        return qemu <= 0 ? 0 : 100 * (sim - qemu) / qemu;
    }

    private static String outcome(MigrationResult r) {
        if (r.outcome().completed()) return r.outcome().converged() ? "done" : "done (forced)";
        return r.outcome().stopReason().name().toLowerCase(Locale.ROOT);
    }
}
