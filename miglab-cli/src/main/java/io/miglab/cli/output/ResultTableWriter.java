package io.miglab.cli.output;

import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import java.io.PrintWriter;

/** Lays out one {@link MigrationResult} as a readable table: every metric, then optionally the rounds. */
public final class ResultTableWriter {
    private ResultTableWriter() { }

    public static void write(MigrationResult r, PrintWriter out) {
        write(Metrics.STANDARD, r, out);
    }

    public static void write(Metrics metrics, MigrationResult r, PrintWriter out) {
        TextTable t = new TextTable("", "").leftAligned();
        for (Metric m : metrics.inTableOrder()) if (m.presentIn(r)) t.row(m.part() ? "  " + m.label() : m.label(), cell(m, r));
        t.print(out);
        if (!r.assumptions().isEmpty()) {
            out.println();
            out.println("assumptions:");
            for (String a : r.assumptions()) out.println("  - " + a);
        }
        out.flush();
    }

    /** One value for people: yes/no, times in ms (and s), sizes in MiB (a total also in bytes), shares in %. */
    static String cell(Metric m, MigrationResult r) {
        Object v = m.of(r);
        if (v instanceof Boolean b) return Units.yesNo(b);
        return switch (m.unit()) {
            case MS -> Units.ms(m.number(r));
            case BYTES -> Units.mib(((Number) v).longValue()) + (m.part() ? "" : " (" + v + " B)");
            case PERCENT -> m.kind() == Metric.Kind.REAL ? Units.percent(m.number(r)) : v + " %";
            case NONE -> m.kind() == Metric.Kind.REAL ? Units.number(m.number(r), 1) : String.valueOf(v);
        };
    }

    public static void writeRounds(MigrationResult r, PrintWriter out) {
        TextTable t = new TextTable("round", "pages", "MiB", "duration ms", "dirty pages/s", "throttle %");
        for (RoundStats s : r.rounds()) {
            t.row(s.round(), s.pages(), Units.mibNumber(s.bytes()), Units.number(s.durationMs(), 1),
                    Units.number(s.dirtyRate(), 0), s.throttlePercent());
        }
        t.print(out);
    }
}
