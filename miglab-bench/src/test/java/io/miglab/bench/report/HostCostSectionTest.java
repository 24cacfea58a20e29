package io.miglab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.BenchPlatform;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.ModelPlatform;
import io.miglab.bench.run.ProgressListener;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.workload.Workload;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.result.HostCost;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.report.chart.Palette;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCostSectionTest {
    private static final HostCost COST = new HostCost(true, 300, 100, 50, 1200, 200L << 20, 150L << 20, 7, 5,
            130, 70, 60, 40);

    @TempDir
    Path dir;

    // Guards the host cost's way from a measurement through the results store into the report: the table has the
    // figures (CPU per GiB computed from the stored bytes), the chart's bars take the host loads' colours, and a
    // run without host cost (a model) has no such section.
    @Test
    void aStoredHostCostShowsInTheReportsTableAndChart() throws Exception {
        BenchConfig c = BenchConfig.defaults("hc").withWorkloads(Workloads.parse("idle,mem-mid")).withPoints(2);
        RunRecord withCost, plain;
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            withCost = new Benchmark().run(c, new Costed(new ModelPlatform(new PageLevelSimulator())), store,
                    ProgressListener.NONE);
            plain = new Benchmark().run(c.withRunName("plain"), new ModelPlatform(new PageLevelSimulator()), store,
                    ProgressListener.NONE);
            withCost = store.loadRun(withCost.info().id()).orElseThrow();
        }
        Measurement m = withCost.measurements().get(0);
        assertThat(m.result().hostCost()).isEqualTo(COST);
        double perGiB = withCost.measurements().stream().filter(x -> x.workload().equals(m.workload())
                && x.hostLoad() == m.hostLoad()).mapToDouble(x -> 300 / (x.result().traffic().bytesTransferred()
                / (1024.0 * 1024 * 1024))).average().orElseThrow();
        String html = HtmlReport.html(withCost, Optional.empty());
        assertThat(html).contains("What migrating costs the host", ">300<", ">200<", ">100<", ">400<", ">200<", ">150<",
                ">7 / 5<", io.miglab.report.format.Num.of(perGiB), Palette.colour(HostLoad.LIGHT.label()));
        assertThat(HtmlReport.html(plain, Optional.empty())).doesNotContain("What migrating costs the host");
    }

    /** A model platform whose results carry a fixed host cost, as a real platform's would. */
    private record Costed(ModelPlatform inner) implements BenchPlatform {
        @Override
        public String backendName() { return inner.backendName(); }

        @Override
        public Baseline baseline(Workload w, HostLoad load, BenchConfig config) throws InterruptedException {
            return inner.baseline(w, load, config);
        }

        @Override
        public Measurement migrate(Workload w, HostLoad load, int point, Baseline b, BenchConfig config)
                throws InterruptedException {
            Measurement m = inner.migrate(w, load, point, b, config);
            return new Measurement(m.workload(), m.hostLoad(), m.point(), m.pointOffsetMs(), m.windowMs(),
                    m.baselineThroughput(), m.throughputDuring(), m.overheadPercent(),
                    m.result().withHostCost(COST));
        }

        @Override
        public Duration expectedStep(Workload w, HostLoad load, int point, BenchConfig config) {
            return inner.expectedStep(w, load, point, config);
        }

        @Override
        public void cancel() { inner.cancel(); }

        @Override
        public void close() { inner.close(); }
    }
}
