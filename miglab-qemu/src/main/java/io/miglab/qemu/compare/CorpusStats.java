package io.miglab.qemu.compare;

import io.miglab.core.result.MigrationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The errors of one category of the corpus: p90 and mean of |sim - QEMU| / QEMU on total time, bytes and downtime,
 * the share of completed cases whose downtime is within max({@value #DOWNTIME_TOLERANCE_MS} ms,
 * {@value #DOWNTIME_TOLERANCE_SHARE} x QEMU's), outcome agreement, and QEMU's own spread over repeated cases.
 * {@code outcomesQemuSplit} counts the runs that disagree on a case whose QEMU runs themselves both completed and
 * were cancelled: no single outcome can agree with all of them, so the guard does not count them against the model.
 */
public record CorpusStats(Category category, int runs, int completedBoth, double p90TimePercent,
                          double meanTimePercent, double p90BytesPercent, double meanBytesPercent,
                          double p90DowntimePercent, double meanDowntimePercent, double meanDowntimeMs,
                          double downtimeWithinShare, int outcomesAgreeing, int outcomesQemuSplit, Spread spread) {
    public static final double DOWNTIME_TOLERANCE_MS = 20;
    public static final double DOWNTIME_TOLERANCE_SHARE = 0.25;

    /** One stored run against the simulator's result for its case. */
    public record Row(String runLabel, GridCase gridCase, QemuMeasurement qemu, MigrationResult sim) {
        double timeError() {
            return errorPercent(qemu.result().timing().totalTimeMs(), sim.timing().totalTimeMs());
        }

        double bytesError() {
            return errorPercent(qemu.result().traffic().bytesTransferred(), sim.traffic().bytesTransferred());
        }

        boolean bothCompleted() {
            return qemu.result().outcome().completed() && sim.outcome().completed();
        }

        double qemuDowntimeMs() {
            return gridCase.category().qemuDowntimeMs(qemu);
        }

        double downtimeError() {
            return errorPercent(qemuDowntimeMs(), sim.timing().downtimeMs());
        }

        boolean downtimeWithin() {
            return withinTolerance(qemuDowntimeMs(), sim.timing().downtimeMs());
        }

        boolean outcomeAgrees() {
            return qemu.result().outcome().completed() == sim.outcome().completed();
        }
    }

    /**
     * QEMU's run-to-run spread: over the cases run more than once, the mean of (max - min) / mean of total time,
     * bytes and downtime; {@code cases} is 0 when nothing was repeated. {@code floorTimeP90Percent} and
     * {@code floorBytesP90Percent}: the p90 errors a model would have that gave each case its median QEMU run, the
     * least any one figure per case can reach against these runs; {@code floorDowntimeWithinShare}: the share of
     * the runs QEMU completed whose downtime that model (each case's median over its completed runs) gets within
     * tolerance.
     */
    public record Spread(int cases, int runs, double timePercent, double bytesPercent, double downtimePercent,
                         double floorTimeP90Percent, double floorBytesP90Percent, double floorDowntimeWithinShare) {
    }

    /** Whether {@code simMs} is within max(20 ms, 25 %) of {@code qemuMs}: the tolerance on downtime. */
    static boolean withinTolerance(double qemuMs, double simMs) {
        return Math.abs(simMs - qemuMs) <= Math.max(DOWNTIME_TOLERANCE_MS, DOWNTIME_TOLERANCE_SHARE * qemuMs);
    }

    static double errorPercent(double qemu, double sim) {
        return qemu <= 0 ? (sim <= 0 ? 0 : 100) : 100 * (sim - qemu) / qemu;
    }

    /**
     * The statistics of each category that has runs, in the categories' order; runs whose switch the backend asked
     * for later than the case says ({@link QemuMeasurement#switchPolled}) are not counted.
     */
    public static Map<Category, CorpusStats> byCategory(List<Row> rows) {
        Map<Category, CorpusStats> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            List<Row> mine = rows.stream().filter(r -> r.gridCase().category() == c && !r.qemu().switchPolled())
                    .toList();
            if (!mine.isEmpty()) out.put(c, of(c, mine));
        }
        return out;
    }

    static CorpusStats of(Category category, List<Row> rows) {
        List<Row> completed = rows.stream().filter(Row::bothCompleted).toList();
        Map<String, Set<Boolean>> qemuOutcomes = new HashMap<>();
        rows.forEach(r -> qemuOutcomes.computeIfAbsent(r.gridCase().label(), k -> new HashSet<>())
                .add(r.qemu().result().outcome().completed()));
        List<Row> split = rows.stream().filter(r -> !r.outcomeAgrees()
                && qemuOutcomes.get(r.gridCase().label()).size() > 1).toList();
        // a run whose outcome QEMU's own split decided (cancelled at the timeout where its other runs completed, or
        // the other way) errs on time and bytes by its outcome, which the outcome figure counts: kept out of both
        List<Row> decided = rows.stream().filter(r -> !split.contains(r)).toList();
        double[] time = abs(decided, Row::timeError);
        double[] bytes = abs(decided, Row::bytesError);
        double[] down = abs(completed, Row::downtimeError);
        double downMs = completed.stream().mapToDouble(r -> Math.abs(r.sim().timing().downtimeMs()
                - r.qemuDowntimeMs())).average().orElse(0);
        double within = completed.isEmpty() ? 1 : completed.stream().filter(Row::downtimeWithin).count()
                / (double) completed.size();
        int agree = (int) rows.stream().filter(Row::outcomeAgrees).count();
        return new CorpusStats(category, rows.size(), completed.size(), p90(time), mean(time), p90(bytes),
                mean(bytes), p90(down), mean(down), downMs, within, agree, split.size(), spread(rows));
    }

    /** The bounds of {@link Category} this category breaks, as sentences; empty when it keeps them all. */
    public List<String> broken() {
        List<String> out = new ArrayList<>();
        if (p90TimePercent > category.p90TimePercent()) {
            out.add(String.format(Locale.ROOT, "%s: p90 time error %.1f %% above %.0f %%", category.label(), p90TimePercent,
                    category.p90TimePercent()));
        }
        if (p90BytesPercent > category.p90BytesPercent()) {
            out.add(String.format(Locale.ROOT, "%s: p90 bytes error %.1f %% above %.0f %%", category.label(), p90BytesPercent,
                    category.p90BytesPercent()));
        }
        if (completedBoth > 0 && downtimeWithinShare < category.downtimeShareMin()) {
            out.add(String.format(Locale.ROOT, "%s: downtime within tolerance in %.0f %% of completed cases, below %.0f %%",
                    category.label(), 100 * downtimeWithinShare, 100 * category.downtimeShareMin()));
        }
        if (outcomesAgreeing + outcomesQemuSplit < Category.OUTCOME_AGREEMENT_MIN * runs) {
            out.add(String.format(Locale.ROOT, "%s: outcome agrees in %d of %d runs", category.label(), outcomesAgreeing, runs));
        }
        return out;
    }

    /** Nearest-rank 90th percentile: the smallest value at least 90 % of the values are at or below. */
    static double p90(double[] values) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double[] abs(List<Row> rows, ToDoubleFunction<Row> error) {
        return rows.stream().mapToDouble(error).map(Math::abs).toArray();
    }

    private static Spread spread(List<Row> rows) {
        Map<String, List<Row>> byCase = new LinkedHashMap<>();
        for (Row r : rows) byCase.computeIfAbsent(r.gridCase().label(), k -> new ArrayList<>()).add(r);
        List<List<Row>> repeated = byCase.values().stream().filter(l -> l.size() > 1).toList();
        double floorTime = p90(fromMedian(byCase.values(), r -> r.qemu().result().timing().totalTimeMs()));
        double floorBytes = p90(fromMedian(byCase.values(), r -> r.qemu().result().traffic().bytesTransferred()));
        double floorDown = downtimeFloor(byCase.values());
        if (repeated.isEmpty()) return new Spread(0, 0, 0, 0, 0, floorTime, floorBytes, floorDown);
        double time = 0, bytes = 0, down = 0;
        int downCases = 0;
        for (List<Row> l : repeated) {
            time += range(l, r -> r.qemu().result().timing().totalTimeMs());
            bytes += range(l, r -> r.qemu().result().traffic().bytesTransferred());
            if (l.stream().allMatch(r -> r.qemu().result().outcome().completed())) {
                down += range(l, Row::qemuDowntimeMs);
                downCases++;
            }
        }
        int n = repeated.size();
        return new Spread(n, repeated.stream().mapToInt(List::size).sum(), time / n, bytes / n,
                downCases == 0 ? 0 : down / downCases, floorTime, floorBytes, floorDown);
    }

    /** The share of QEMU's completed runs within tolerance of their case's median downtime (1 when there is none). */
    private static double downtimeFloor(java.util.Collection<List<Row>> cases) {
        int within = 0, all = 0;
        for (List<Row> l : cases) {
            double[] v = l.stream().filter(r -> r.qemu().result().outcome().completed())
                    .mapToDouble(Row::qemuDowntimeMs).sorted().toArray();
            if (v.length == 0) continue;
            double median = median(v);
            for (double x : v) if (withinTolerance(x, median)) within++;
            all += v.length;
        }
        return all == 0 ? 1 : within / (double) all;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * |median of its case - run| / run of every run, in %: the errors of a model giving each case its median. On a
     * case QEMU's own runs split on, that model picks the more common outcome (completed on a tie), and the runs of
     * the other are set aside, as the model's own are ({@link #of}).
     */
    private static double[] fromMedian(java.util.Collection<List<Row>> cases, ToDoubleFunction<Row> f) {
        List<Double> out = new ArrayList<>();
        for (List<Row> l : cases) {
            long done = l.stream().filter(r -> r.qemu().result().outcome().completed()).count();
            boolean pick = 2 * done >= l.size();
            double[] v = l.stream().filter(r -> r.qemu().result().outcome().completed() == pick).mapToDouble(f)
                    .sorted().toArray();
            double median = median(v);
            for (double x : v) out.add(Math.abs(errorPercent(x, median)));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double range(List<Row> rows, ToDoubleFunction<Row> f) {
        double[] v = rows.stream().mapToDouble(f).toArray();
        double mean = Arrays.stream(v).average().orElse(0);
        return mean <= 0 ? 0 : 100 * (Arrays.stream(v).max().orElse(0) - Arrays.stream(v).min().orElse(0)) / mean;
    }
}
