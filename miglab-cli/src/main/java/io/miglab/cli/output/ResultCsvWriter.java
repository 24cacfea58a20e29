package io.miglab.cli.output;

import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MigrationResult} as CSV: one column per metric of {@link Metrics} (same names and values as the JSON, plus
 * {@code roundCount}), then {@code assumptions} (joined with "; "). The per-round list is left to the JSON.
 */
public final class ResultCsvWriter {
    private ResultCsvWriter() { }

    public static List<String> header(Metrics metrics) {
        List<String> h = new ArrayList<>();
        for (Metric m : metrics.all()) h.add(m.name());
        h.add("assumptions");
        return h;
    }

    public static List<String> cells(Metrics metrics, MigrationResult r) {
        List<String> cells = new ArrayList<>();
        for (Metric m : metrics.all()) cells.add(m.text(r));
        cells.add(String.join("; ", r.assumptions()));
        return cells;
    }

    /**
     * Appends the row {@code Csv.line(cells(metrics, r))} gives to {@code out}, without a list of cell texts: numbers,
     * flags and names need no quotes, so only text cells are checked.
     */
    public static void appendRow(StringBuilder out, Metrics metrics, MigrationResult r) {
        for (Metric m : metrics.all()) {
            if (m.kind() == Metric.Kind.TEXT) Csv.appendCell(out, m.text(r));
            else m.appendText(out, r);
            out.append(',');
        }
        Csv.appendCell(out, String.join("; ", r.assumptions()));
    }

    public static void write(MigrationResult r, PrintWriter out, boolean withHeader) {
        write(Metrics.STANDARD, r, out, withHeader);
    }

    public static void write(Metrics metrics, MigrationResult r, PrintWriter out, boolean withHeader) {
        if (withHeader) out.println(Csv.line(header(metrics)));
        out.println(Csv.line(cells(metrics, r)));
        out.flush();
    }
}
