package io.miglab.qemu.compare;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.ByteSize;
import java.util.List;
import java.util.Locale;

/** Markdown tables of QEMU against the simulator: total time, downtime, bytes, rounds, with errors in %. */
final class ComparisonTable {
    /** Differences above this are flagged and explained in the findings. */
    static final double FLAG_PERCENT = 15;

    record Row(String label, MigrationResult qemu, MigrationResult sim) { }

    private ComparisonTable() {
    }

    static String render(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| case | QEMU total ms | sim total ms | err | QEMU downtime ms | sim downtime ms | err | QEMU MiB "
                + "| sim MiB | err | QEMU rounds | sim rounds | QEMU / sim outcome |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            MigrationResult q = r.qemu(), s = r.sim();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %.1f | %.1f | %s | %d | %d "
                            + "| %s / %s |\n", r.label(), q.timing().totalTimeMs(), s.timing().totalTimeMs(),
                    error(q.timing().totalTimeMs(), s.timing().totalTimeMs()),
                    q.outcome().completed() ? String.format(Locale.ROOT, "%.0f", q.timing().downtimeMs()) : "-",
                    s.outcome().completed() ? String.format(Locale.ROOT, "%.0f", s.timing().downtimeMs()) : "-",
                    q.outcome().completed() && s.outcome().completed() ? error(q.timing().downtimeMs(),
                            s.timing().downtimeMs()) : "",
                    q.traffic().bytesTransferred() / (double) ByteSize.MIB,
                            s.traffic().bytesTransferred() / (double) ByteSize.MIB,
                    error(q.traffic().bytesTransferred(), s.traffic().bytesTransferred()), q.roundCount(),
                            s.roundCount(),
                    outcome(q), outcome(s)));
        }
        return md.toString();
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
