package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.report.HtmlReport;
import io.miglab.bench.report.TextSummary;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.ModelPlatform;
import io.miglab.bench.run.ProgressListener;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short benchmark on real QEMU (about 100 s here), stored, scored and reported, next to the simulator's. */
@Tag("qemu")
class QemuBenchmarkTest {
    @TempDir
    Path dir;

    // The whole chain on real guests: boot, serial throughput, migration, store, scores, report. A broken
    // throughput parser, a lost migration or a scoring unit error would show as an assertion below.
    @Test
    void shortRealBenchmarkStoresScoresAndReportsAndTheSimulatorAgreesOnData() throws Exception {
        RealQemu.require();
        BenchConfig config = BenchConfig.defaults("qemu-short").withWorkloads(Workloads.parse("idle,mem-mid,cpu"))
                .withPoints(2).withRunLength(Duration.ofSeconds(6)).withBaselineWindow(Duration.ofSeconds(4));
        RunRecord qemu;
        RunRecord sim;
        try (ResultsStore store = ResultsStore.open(dir.resolve("bench.db").toString())) {
            qemu = new Benchmark().run(config, QemuPlatform.open(QemuRunOptions.defaults()), store,
                    ProgressListener.NONE);
            sim = new Benchmark().run(config.withRunName("sim-short"), new ModelPlatform(new PageLevelSimulator()),
                    store, ProgressListener.NONE);
            assertThat(store.loadRun(qemu.info().id()).orElseThrow()).isEqualTo(qemu);
        }
        System.out.println(TextSummary.format(qemu));
        System.out.println(TextSummary.format(sim));

        assertThat(qemu.info().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(qemu.info().backend()).isEqualTo("qemu");
        assertThat(qemu.measurements()).hasSize(6).allSatisfy(m -> {
            assertThat(m.result().outcome().completed()).as(m.workload() + " " + m.point()).isTrue();
            assertThat(m.result().backend()).isEqualTo("qemu");
            // >= 0 by definition; it may exceed 100 % when the loss outlasts the migration (see docs/bench.md)
            assertThat(m.overheadPercent()).isGreaterThanOrEqualTo(0.0).isLessThan(1000.0);
            assertThat(Metric.DATA.of(m)).isBetween(30.0, 400.0); // a 256 MiB guest, mostly zero pages
        });
        // the guest's own rates, as the console reports them on the host's clock
        assertThat(baseline(qemu, "idle").throughput()).isCloseTo(100, within(15.0));
        assertThat(baseline(qemu, "mem-mid").throughput()).isCloseTo(5000, within(250.0));
        assertThat(baseline(qemu, "cpu").throughput()).isPositive();
        // the memory writer's data must exceed the idle guest's by about its 64 MiB array
        assertThat(meanData(qemu, "mem-mid") - meanData(qemu, "idle")).isBetween(40.0, 160.0);

        assertThat(qemu.scores()).hasSize(4).allSatisfy(s -> assertThat(s.score()).isPositive());
        // same order as the simulator: the data score, which does not depend on machine load, within a factor 2
        assertThat(score(qemu, Metric.DATA) / score(sim, Metric.DATA)).isBetween(0.5, 2.0);

        Path html = HtmlReport.write(qemu, Optional.of(sim), dir.resolve("report"));
        assertThat(Files.readString(html)).contains("id=\"scores\"", "<table class=\"scores headline\">", "<svg");
    }

    private static Baseline baseline(RunRecord r, String w) {
        return r.baselines().stream().filter(b -> b.workload().equals(w) && b.hostLoad() == HostLoad.LIGHT)
                .findFirst().orElseThrow();
    }

    private static double meanData(RunRecord r, String w) {
        return r.measurements().stream().filter(m -> m.workload().equals(w)).mapToDouble(Metric.DATA::of)
                .average().orElseThrow();
    }

    private static double score(RunRecord r, Metric m) {
        return r.scores().stream().filter(s -> s.metric() == m).mapToDouble(MetricScore::score).findFirst()
                .orElseThrow();
    }
}
