package io.miglab.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    static final MigrationResult RESULT = new MigrationResult("sim", "hybrid",
            new Outcome(true, false, StopReason.TIMEOUT), new Timing(1.5, 2.25, 3.125, 4000.5, 3000.25),
            new Traffic(6_000_000_007L, 8, 9, 10, 11, 12, 13), new GuestImpact(14, 15.5, 16), List.of(new RoundStats(0, 1, 2, 3, 4, 5)), List.of("a", "b"));

    /** The record's scalar figures, depth first, in declaration order: what the JSON held before the list. */
    private static List<String> leafComponents(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) names.addAll(leafComponents(c.getType()));
            else if (c.getType() != List.class) names.add(c.getName());
        }
        return names;
    }

    // Guards against a figure of the result that no writer shows, or a stored metric the store cannot read back.
    @Test
    void storedMetrics_areExactlyTheResultsFigures_inOrder() {
        assertThat(Metrics.STANDARD.stored().stream().map(Metric::name).toList())
                .containsExactlyElementsOf(leafComponents(MigrationResult.class));
    }

    // Guards the store's and --json's round trip: every figure goes out under its name and comes back equal.
    @Test
    void flatValues_rebuildTheSameResult() {
        Map<String, Object> flat = ResultValues.flat(RESULT, Metrics.STANDARD);
        assertThat(flat.keySet()).endsWith(ResultValues.ROUNDS, ResultValues.STAGES, ResultValues.ASSUMPTIONS);
        assertThat(ResultValues.rebuild(flat)).isEqualTo(RESULT);
    }

    // Guards reading a store row written before a figure existed: it comes back as 0, not as an error.
    @Test
    void rebuild_fillsMissingFiguresWithZero_andTakesEnumsByName() {
        Map<String, Object> flat = new HashMap<>(ResultValues.flat(RESULT, Metrics.STANDARD));
        flat.remove("zeroPages");
        flat.put("stopReason", "TIMEOUT");
        flat.put("maxThrottlePercent", 16L);
        MigrationResult r = ResultValues.rebuild(flat);
        assertThat(r.traffic().zeroPages()).isZero();
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(r.guestImpact().maxThrottlePercent()).isEqualTo(16);
    }

    // Guards the value types the writers rely on (a Long read as an Integer would fail at a store's bind).
    @Test
    void everyValue_hasTheJavaTypeOfItsKind() {
        for (Metric m : Metrics.STANDARD.all()) {
            Class<?> expected = switch (m.kind()) {
                case TEXT -> String.class;
                case NAME -> Enum.class;
                case FLAG -> Boolean.class;
                case INT -> Integer.class;
                case LONG -> Long.class;
                case REAL -> Double.class;
            };
            assertThat(m.of(RESULT)).as(m.name()).isInstanceOf(expected);
        }
    }

    @Test
    void text_isWhatTheCsvWrites() {
        assertThat(Metrics.STANDARD.named("stopReason").text(RESULT)).isEqualTo("TIMEOUT");
        assertThat(Metrics.STANDARD.named("totalTimeMs").text(RESULT)).isEqualTo("4000.5");
        assertThat(Metrics.STANDARD.named("completed").text(RESULT)).isEqualTo("false");
        assertThat(Metrics.STANDARD.named("roundCount").text(RESULT)).isEqualTo("1");
    }

    // Guards the typed readings: a figure read as another kind's type would box to the wrong Java type.
    @Test
    void aReadingOfAnotherKind_isRefused() {
        assertThatThrownBy(() -> new Metric("x", "x", "x", Metric.Kind.REAL, Metric.Unit.MS, 1, false, true,
                new MetricReading.Whole(r -> 1))).hasMessageContaining("REAL");
        assertThatThrownBy(() -> new Metric("x", "x", "x", Metric.Kind.FLAG, Metric.Unit.NONE, 1, false, true,
                new MetricReading.Real(r -> 1))).hasMessageContaining("FLAG");
    }

    // Guards against two metrics sharing a JSON key or a store column (one would overwrite the other).
    @Test
    void duplicateNamesOrColumns_areRefused() {
        Metric downtime = Metrics.STANDARD.named("downtimeMs");
        assertThatThrownBy(() -> Metrics.STANDARD.with(downtime)).hasMessageContaining("downtimeMs");
        assertThatThrownBy(() -> Metrics.STANDARD.with(Metric.of("other", "downtime_ms", "x", Metric.Kind.REAL,
                Metric.Unit.MS, 1, r -> r.timing().downtimeMs()))).hasMessageContaining("downtime_ms");
    }
}
