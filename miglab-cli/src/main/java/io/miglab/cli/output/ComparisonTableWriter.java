package io.miglab.cli.output;

import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Two results side by side ({@code A}, {@code B}) with B's difference from A in percent, e.g. a simulation
 * against a real run ({@code migrate --compare}): every metric of {@link Metrics} in table order except the
 * breakdowns. Only lays out; the percentages are (B - A) / A.
 */
public final class ComparisonTableWriter {
    private static final double MIB = 1024.0 * 1024.0;

    private ComparisonTableWriter() { }

    public static void write(String labelA, MigrationResult a, String labelB, MigrationResult b, PrintWriter out) {
        write(Metrics.STANDARD, labelA, a, labelB, b, out);
    }

    public static void write(Metrics metrics, String labelA, MigrationResult a, String labelB, MigrationResult b,
                             PrintWriter out) {
        write(metrics, labelA, a, labelB, b, false, out);
    }

    /** With {@code parts}, the breakdowns too (bytes by phase and by link), indented under their total. */
    public static void write(Metrics metrics, String labelA, MigrationResult a, String labelB, MigrationResult b,
                             boolean parts, PrintWriter out) {
        TextTable t = new TextTable("", "A: " + labelA, "B: " + labelB, "B vs A");
        for (Metric m : metrics.inTableOrder()) {
            if (m.part() && !parts) continue;
            if (!m.presentIn(a) && !m.presentIn(b)) continue;
            if (!m.presentIn(a) || !m.presentIn(b)) {
                text(t, m.label(), m.presentIn(a) ? text(m, a) : "-", m.presentIn(b) ? text(m, b) : "-");
                continue;
            }
            if (m.kind().numeric()) number(t, m, a, b);
            else text(t, m.label(), text(m, a), text(m, b));
        }
        t.print(out);
    }

    private static String text(Metric m, MigrationResult r) {
        return m.of(r) instanceof Boolean flag ? Units.yesNo(flag) : m.text(r);
    }

    private static void text(TextTable t, String name, String a, String b) {
        t.row(name, a, b, a.equals(b) ? "" : "differs");
    }

    /** Times in ms, sizes in MiB, shares in %; one decimal for fractional figures and sizes, none for counts. */
    private static void number(TextTable t, Metric m, MigrationResult a, MigrationResult b) {
        double scale = m.unit() == Metric.Unit.BYTES ? MIB : 1;
        double x = m.number(a) / scale, y = m.number(b) / scale;
        int decimals = m.kind() == Metric.Kind.REAL || m.unit() == Metric.Unit.BYTES ? 1 : 0;
        String unit = switch (m.unit()) {
            case MS -> " ms";
            case BYTES -> " MiB";
            case PERCENT -> " %";
            case NONE -> "";
        };
        t.row((m.part() ? "  " : "") + m.label() + unit, Units.number(x, decimals), Units.number(y, decimals), difference(x, y));
    }

    /** (b - a) / a in percent; "=" when both are equal, "n/a" when a is 0 and b is not. */
    public static String difference(double a, double b) {
        if (a == b) return "=";
        if (a == 0) return "n/a";
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (b - a) / Math.abs(a));
    }
}
