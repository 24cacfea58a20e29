package io.miglab.cli.output;

import io.miglab.core.result.Metric;
import io.miglab.core.result.MetricReading;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        for (Metric m : metrics.all()) cells.add(m.kind() == Metric.Kind.TEXT ? m.text(r) : figure(m, r));
        cells.add(String.join("; ", r.assumptions()));
        return cells;
    }

    /**
     * Appends the row {@code Csv.line(cells(metrics, r))} gives to {@code out}, without a list of cell texts: numbers,
     * flags and names need no quotes, so only text cells are checked.
     */
    public static void appendRow(StringBuilder out, Metrics metrics, MigrationResult r) {
        appendFigures(out, metrics.all().toArray(Metric[]::new), r);
        Csv.appendCell(out, String.join("; ", r.assumptions()));
    }

    private static void appendFigures(StringBuilder out, Metric[] metrics, MigrationResult r) {
        for (Metric m : metrics) {
            appendCell(out, m, r);
            out.append(',');
        }
    }

    /**
     * Appends the CSV cell of {@code m} for {@code r}: a text quoted if it has to be, a real number by
     * {@link DoubleText}, other numbers, flags and names as {@link Metric#appendText} writes them (straight from the
     * result: no boxed value, no String per cell); nothing when the result does not have the figure.
     */
    public static void appendCell(StringBuilder out, Metric m, MigrationResult r) {
        if (m.kind() == Metric.Kind.TEXT) Csv.appendCell(out, m.text(r));
        else if (m.reading() instanceof MetricReading.Real real) {
            if (m.presentIn(r)) DoubleText.append(out, real.read().applyAsDouble(r));
        } else m.appendText(out, r);
    }

    private static String figure(Metric m, MigrationResult r) {
        StringBuilder out = new StringBuilder(24);
        appendCell(out, m, r);
        return out.toString();
    }

    /**
     * Appends rows as {@link #appendRow} does, for many results in a row. A text of the assumptions that is the
     * same String object as one seen before (the closed form keeps its texts) is checked for characters that need
     * quoting only once; at most {@link #KEPT} texts are remembered (forgotten all at once when full).
     */
    public static final class Rows {
        static final int KEPT = 4096;
        private final Metric[] metrics;
        private final Map<String, Boolean> plain = new IdentityHashMap<>();

        public Rows(Metrics metrics) {
            this.metrics = metrics.all().toArray(Metric[]::new);
        }

        public void append(StringBuilder out, MigrationResult r) {
            appendFigures(out, metrics, r);
            List<String> a = r.assumptions();
            for (String text : a) {
                if (!plain(text)) {
                    Csv.appendCell(out, String.join("; ", a));
                    return;
                }
            }
            for (int i = 0; i < a.size(); i++) out.append(i == 0 ? "" : "; ").append(a.get(i));
        }

        private boolean plain(String text) {
            Boolean known = plain.get(text);
            if (known != null) return known;
            if (plain.size() >= KEPT) plain.clear();
            boolean p = !Csv.needsQuotes(text);
            plain.put(text, p);
            return p;
        }
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
