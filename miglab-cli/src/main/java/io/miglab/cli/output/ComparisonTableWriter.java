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
            boolean one = !m.presentIn(a) || !m.presentIn(b);
            if (m.kind().numeric()) {
                // a figure only one side has (host cost: only real runs measure it) in the same units, no difference
                t.row(label(m), figure(m, a), figure(m, b), one ? "n/a" : difference(value(m, a), value(m, b)));
            } else if (one) {
                t.row(m.label(), m.presentIn(a) ? text(m, a) : "-", m.presentIn(b) ? text(m, b) : "-", "n/a");
            } else {
                text(t, m.label(), text(m, a), text(m, b));
            }
        }
        t.print(out);
    }

    private static String text(Metric m, MigrationResult r) {
        return m.of(r) instanceof Boolean flag ? Units.yesNo(flag) : m.text(r);
    }

    private static void text(TextTable t, String name, String a, String b) {
        t.row(name, a, b, a.equals(b) ? "" : "differs");
    }

    /** Times in ms, sizes in MiB, shares in %: the label with its unit. */
    private static String label(Metric m) {
        String unit = switch (m.unit()) {
            case MS -> " ms";
            case BYTES -> " MiB";
            case PERCENT -> " %";
            case NONE -> "";
        };
        return (m.part() ? "  " : "") + m.label() + unit;
    }

    private static double value(Metric m, MigrationResult r) {
        return m.number(r) / (m.unit() == Metric.Unit.BYTES ? MIB : 1);
    }

    /** One decimal for fractional figures and sizes, none for counts; "-" where the result has no such figure. */
    private static String figure(Metric m, MigrationResult r) {
        if (!m.presentIn(r)) return "-";
        int decimals = m.kind() == Metric.Kind.REAL || m.unit() == Metric.Unit.BYTES ? 1 : 0;
        return Units.number(value(m, r), decimals);
    }

    /** (b - a) / a in percent; "=" when both are equal, "n/a" when a is 0 and b is not. */
    public static String difference(double a, double b) {
        if (a == b) return "=";
        if (a == 0) return "n/a";
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (b - a) / Math.abs(a));
    }
}
