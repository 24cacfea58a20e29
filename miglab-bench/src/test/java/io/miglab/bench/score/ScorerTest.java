package io.miglab.bench.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.reference.ReferenceEntry;
import io.miglab.bench.reference.ReferenceSet;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {
    // Guards the formula itself (Virt-LM, ICPE 2011, Table 5): S = 1000 x mean(P/R), not mean(P)/mean(R) or R/P.
    @Test
    void virtLmTable5WorkedExampleScores458_55() {
        double s = Scorer.score(List.of(43.73, 25.41, 24.07, 28.27), List.of(64.24, 63.24, 66.63, 72.41));
        assertThat(s).isCloseTo(458.55, within(0.005));
    }

    // Keeps mean(P)/mean(R) out: that would give 1000 * 121.48 / 266.52 = 455.80 for Table 5.
    @Test
    void scoreIsTheMeanOfRatiosNotTheRatioOfMeans() {
        double ratioOfMeans = 1000 * (43.73 + 25.41 + 24.07 + 28.27) / (64.24 + 63.24 + 66.63 + 72.41);
        double s = Scorer.score(List.of(43.73, 25.41, 24.07, 28.27), List.of(64.24, 63.24, 66.63, 72.41));
        assertThat(Math.abs(s - ratioOfMeans)).isGreaterThan(2);
    }

    // A zero or negative reference would make a meaningless or infinite score.
    @Test
    void aZeroReferenceIsRefused() {
        assertThatThrownBy(() -> Scorer.score(List.of(1.0), List.of(0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be > 0");
    }

    // The platform's value per workload is the mean over its migration points, and the reference itself scores 1000.
    @Test
    void scoreAllAveragesPointsAndScoresEachHostLoadOnItsOwn() {
        ReferenceSet ref = new ReferenceSet("r", "", "", List.of(
                new ReferenceEntry("a", HostLoad.LIGHT, 100, 1000, 100, 10),
                new ReferenceEntry("b", HostLoad.LIGHT, 50, 2000, 200, 5),
                new ReferenceEntry("a", HostLoad.HEAVY, 200, 4000, 100, 20)));
        List<Measurement> ms = List.of(
                m("a", HostLoad.LIGHT, 1, 50, 1000, true), m("a", HostLoad.LIGHT, 2, 150, 1000, true),
                m("b", HostLoad.LIGHT, 1, 25, 2000, true),
                m("a", HostLoad.HEAVY, 1, 200, 4000, true));
        List<MetricScore> scores = Scorer.scoreAll(ms, ref);
        MetricScore lightDowntime = find(scores, HostLoad.LIGHT, Metric.DOWNTIME);
        // a: mean(50,150)/100 = 1, b: 25/50 = 0.5 -> 750
        assertThat(lightDowntime.score()).isCloseTo(750, within(1e-9));
        assertThat(find(scores, HostLoad.LIGHT, Metric.TOTAL_TIME).score()).isCloseTo(1000, within(1e-9));
        assertThat(find(scores, HostLoad.HEAVY, Metric.DOWNTIME).score()).isCloseTo(1000, within(1e-9));
    }

    // A migration that did not complete has downtime 0; scoring it would reward failing.
    @Test
    void aWorkloadWithAFailedMigrationIsExcludedFromEveryMetric() {
        ReferenceSet ref = new ReferenceSet("r", "", "", List.of(
                new ReferenceEntry("a", HostLoad.LIGHT, 100, 1000, 100, 10),
                new ReferenceEntry("b", HostLoad.LIGHT, 100, 1000, 100, 10)));
        List<MetricScore> scores = Scorer.scoreAll(List.of(m("a", HostLoad.LIGHT, 1, 100, 1000, true),
                m("b", HostLoad.LIGHT, 1, 0, 60000, false)), ref);
        for (Metric metric : Metric.values()) {
            MetricScore s = find(scores, HostLoad.LIGHT, metric);
            assertThat(s.ratios()).extracting(WorkloadRatio::workload).containsExactly("a");
            assertThat(s.excluded()).singleElement().asString().startsWith("b: 1 of 1 migrations did not complete");
        }
        assertThat(find(scores, HostLoad.LIGHT, Metric.DOWNTIME).score()).isCloseTo(1000, within(1e-9));
    }

    private static MetricScore find(List<MetricScore> all, HostLoad load, Metric metric) {
        return all.stream().filter(s -> s.hostLoad() == load && s.metric() == metric).findFirst().orElseThrow();
    }

    static Measurement m(String w, HostLoad load, int point, double downtime, double total, boolean completed) {
        MigrationResult r = new MigrationResult("test", "precopy", 
                Outcome.of(completed ? StopReason.DOWNTIME_LIMIT_MET : StopReason.TIMEOUT, completed),
                new Timing(0, downtime, 0, total, total), new Traffic(100L << 20, 25600, 0, 0, 0, 0, 0),
                new GuestImpact(0, 0, 0), List.of(), List.of());
        return new Measurement(w, load, point, 0, total, 1, 0.9, 10, r);
    }
}
