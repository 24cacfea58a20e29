package io.miglab.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunInfo;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.unit.DataRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole benchmark runs on the page-level simulator, stored in a real SQLite file. */
class BenchmarkSimTest {
    @TempDir
    Path dir;

    private ResultsStore store() {
        return ResultsStore.open(dir.resolve("b.db").toString());
    }

    private static ModelPlatform sim() {
        return new ModelPlatform(new PageLevelSimulator());
    }

    private static BenchConfig both(String name) {
        return BenchConfig.defaults(name).withHostLoads(List.of(HostLoad.LIGHT, HostLoad.HEAVY))
                .withReference(ReferenceSets.SIMULATOR);
    }

    // The reference platform scored against the shipped reference must come out at 1000: guards the metric units
    // (bytes vs MiB), the mapping of workloads and host loads, and that the shipped file matches the platform it
    // claims. Tolerance 5 %: the run uses 3 points, the reference 5 (other seeds), and the simulator may evolve.
    @Test
    void theReferencePlatformScoresAbout1000AgainstTheShippedReference() throws Exception {
        try (ResultsStore store = store()) {
            RunRecord r = new Benchmark().run(both("ref"), sim(), store, ProgressListener.NONE);
            assertThat(r.scores()).hasSize(8);
            for (MetricScore s : r.scores()) {
                assertThat(s.score()).as(s.hostLoad() + " " + s.metric()).isBetween(950.0, 1050.0);
                assertThat(s.ratios()).hasSize(Workloads.standard().size());
            }
        }
    }

    // Every step ends up in the one stored run: W workloads x L loads x N points migrations, W x L baselines.
    @Test
    void everyMigrationPointAndBaselineIsStoredWithTheRun() throws Exception {
        try (ResultsStore store = store()) {
            BenchConfig c = both("all").withPoints(4);
            RunRecord r = new Benchmark().run(c, sim(), store, ProgressListener.NONE);
            assertThat(r.info().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(r.baselines()).hasSize(7 * 2);
            assertThat(r.measurements()).hasSize(7 * 2 * 4);
            assertThat(r.measurements()).extracting(m -> m.point()).containsOnly(1, 2, 3, 4);
            // points are evenly spaced through the 30 s run: 6, 12, 18, 24 s
            assertThat(r.measurements()).extracting(m -> m.pointOffsetMs()).containsOnly(6000.0, 12000.0, 18000.0,
                    24000.0);
            assertThat(store.loadRun(r.info().id()).orElseThrow()).isEqualTo(r);
        }
    }

    // Post-copy switches over at once: its downtime score must beat pre-copy's (which waits for convergence).
    @Test
    void postCopyScoresBetterThanTheReferenceOnDowntime() throws Exception {
        try (ResultsStore store = store()) {
            BenchConfig c = both("post");
            RunRecord r = new Benchmark().run(c.withPlatform(c.platform().withAlgorithm("postcopy")),
                    sim(), store, ProgressListener.NONE);
            for (HostLoad load : HostLoad.values()) {
                assertThat(score(r, load, Metric.DOWNTIME)).isLessThan(600);
            }
        }
    }

    // Half the bandwidth: the idle guest's data takes twice as long, so the total-time score must rise well above
    // 1000 (a score that ignored the link, or divided the wrong way, would not).
    @Test
    void halfTheBandwidthRaisesTheTotalTimeScore() throws Exception {
        try (ResultsStore store = store()) {
            BenchConfig c = BenchConfig.defaults("slow").withWorkloads(Workloads.parse("idle,mem-low,cpu"))
                    .withReference(ReferenceSets.SIMULATOR);
            RunRecord r = new Benchmark().run(c.withPlatform(c.platform().withLink(Link.of(
                    DataRate.ofGbitps(0.5)))), sim(), store, ProgressListener.NONE);
            assertThat(score(r, HostLoad.LIGHT, Metric.TOTAL_TIME)).isBetween(1700.0, 2100.0);
            assertThat(score(r, HostLoad.LIGHT, Metric.DATA)).isBetween(950.0, 1050.0);
        }
    }

    // --reference NAME may name an earlier complete run; the same deterministic run against itself scores 1000.
    @Test
    void aStoredRunServesAsReferenceAndTheSameRunScoresExactly1000() throws Exception {
        try (ResultsStore store = store()) {
            BenchConfig c = BenchConfig.defaults("base").withWorkloads(Workloads.parse("mem-mid,web")).withPoints(2);
            new Benchmark().run(c, sim(), store, ProgressListener.NONE);
            RunRecord again = new Benchmark().run(c.withRunName("again").withReference("base"),
                    sim(), store, ProgressListener.NONE);
            for (MetricScore s : again.scores()) assertThat(s.score()).isEqualTo(1000.0, org.assertj.core.api
                    .Assertions.within(1e-9));
        }
    }

    // A misspelt reference must fail before anything runs or is stored (and name the field for the CLI).
    @Test
    void anUnknownReferenceFailsBeforeAnythingIsStored() {
        try (ResultsStore store = store()) {
            assertThatThrownBy(() -> new Benchmark().run(BenchConfig.defaults("x").withReference("nope"),
                    sim(), store, ProgressListener.NONE))
                    .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("reference:");
            assertThat(store.listRuns()).isEmpty();
        }
    }

    // Cancelling mid-run keeps what was measured (incomplete, no scores) and earlier runs untouched.
    @Test
    void cancelStoresTheMeasuredStepsAsAnIncompleteRun() throws Exception {
        try (ResultsStore store = store()) {
            RunRecord first = new Benchmark().run(BenchConfig.defaults("first").withPoints(1),
                    sim(), store, ProgressListener.NONE);
            Benchmark b = new Benchmark();
            List<Progress> seen = new ArrayList<>();
            assertThatThrownBy(() -> b.run(BenchConfig.defaults("cut"), sim(), store, p -> {
                seen.add(p);
                if (p.done() == 6) b.cancel();
            })).isInstanceOf(BenchmarkCancelledException.class).hasMessageContaining("cancelled after 6 of 28 steps");
            RunInfo cut = store.listRuns().get(0);
            RunRecord stored = store.loadRun(cut.id()).orElseThrow();
            assertThat(stored.info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(stored.baselines()).hasSize(2);
            assertThat(stored.measurements()).hasSize(4);
            assertThat(stored.scores()).isEmpty();
            assertThat(store.loadRun(first.info().id()).orElseThrow()).isEqualTo(first);
        }
    }

    // The progress counts every step once and ends at total with nothing left.
    @Test
    void progressCountsEveryStepAndEndsWithNothingLeft() throws Exception {
        try (ResultsStore store = store()) {
            List<Progress> seen = new ArrayList<>();
            new Benchmark().run(BenchConfig.defaults("p").withPoints(2), sim(), store, seen::add);
            assertThat(seen.get(0).done()).isZero();
            assertThat(seen.get(0).total()).isEqualTo(7 * 3);
            assertThat(seen.get(0).remaining()).isPositive();
            Progress last = seen.get(seen.size() - 1);
            assertThat(last.done()).isEqualTo(last.total());
            assertThat(last.remaining()).isZero();
            assertThat(seen).extracting(Progress::done).isSorted();
        }
    }

    static double score(RunRecord r, HostLoad load, Metric m) {
        return r.scores().stream().filter(s -> s.hostLoad() == load && s.metric() == m).findFirst().orElseThrow()
                .score();
    }
}
