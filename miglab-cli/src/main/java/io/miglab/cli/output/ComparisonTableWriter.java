package io.miglab.cli.output;

import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Two results side by side ({@code A}, {@code B}) with B's difference from A in percent, e.g. a simulation
 * against a real run ({@code migrate --compare}). Only lays out; the percentages are (B - A) / A.
 */
public final class ComparisonTableWriter {
    private ComparisonTableWriter() { }

    public static void write(String labelA, MigrationResult a, String labelB, MigrationResult b, PrintWriter out) {
        TextTable t = new TextTable("", "A: " + labelA, "B: " + labelB, "B vs A");
        text(t, "backend", a.backend(), b.backend());
        text(t, "algorithm", a.algorithm(), b.algorithm());
        text(t, "converged", Units.yesNo(a.converged()), Units.yesNo(b.converged()));
        text(t, "completed", Units.yesNo(a.completed()), Units.yesNo(b.completed()));
        text(t, "stop reason", a.stopReason().name(), b.stopReason().name());
        number(t, "total time ms", a, b, MigrationResult::totalTimeMs, 1);
        number(t, "pre-copy time ms", a, b, MigrationResult::precopyTimeMs, 1);
        number(t, "downtime ms", a, b, MigrationResult::downtimeMs, 1);
        number(t, "preparation time ms", a, b, MigrationResult::preparationTimeMs, 1);
        number(t, "resume time ms", a, b, MigrationResult::resumeTimeMs, 1);
        number(t, "rounds", a, b, MigrationResult::roundCount, 0);
        number(t, "transferred MiB", a, b, r -> r.bytesTransferred() / 1048576.0, 1);
        number(t, "pages transferred", a, b, MigrationResult::pagesTransferred, 0);
        number(t, "pages re-sent", a, b, MigrationResult::pagesResent, 0);
        number(t, "zero pages", a, b, MigrationResult::zeroPages, 0);
        number(t, "post-copy faults", a, b, MigrationResult::postcopyFaults, 0);
        number(t, "guest slowdown %", a, b, MigrationResult::guestSlowdownPercent, 1);
        number(t, "max throttle %", a, b, MigrationResult::maxThrottlePercent, 0);
        t.print(out);
    }

    private static void text(TextTable t, String name, String a, String b) {
        t.row(name, a, b, a.equals(b) ? "" : "differs");
    }

    private static void number(TextTable t, String name, MigrationResult a, MigrationResult b,
                               ToDoubleFunction<MigrationResult> f, int decimals) {
        double x = f.applyAsDouble(a), y = f.applyAsDouble(b);
        t.row(name, Units.number(x, decimals), Units.number(y, decimals), difference(x, y));
    }

    /** (b - a) / a in percent; "=" when both are equal, "n/a" when a is 0 and b is not. */
    public static String difference(double a, double b) {
        if (a == b) return "=";
        if (a == 0) return "n/a";
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (b - a) / Math.abs(a));
    }
}
