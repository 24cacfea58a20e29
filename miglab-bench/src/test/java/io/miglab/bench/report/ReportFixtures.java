package io.miglab.bench.report;

import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.ModelPlatform;
import io.miglab.bench.run.ProgressListener;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.sim.PageLevelSimulator;
import java.util.List;

/** Two real simulator runs (pre-copy and post-copy) to write reports from. */
final class ReportFixtures {
    private ReportFixtures() { }

    static List<RunRecord> precopyAndPostcopy(ResultsStore store) throws Exception {
        BenchConfig c = BenchConfig.defaults("precopy").withWorkloads(Workloads.parse("idle,mem-mid,mem-high,web"))
                .withPoints(3);
        RunRecord pre = new Benchmark().run(c, new ModelPlatform(new PageLevelSimulator()), store,
                ProgressListener.NONE);
        RunRecord post = new Benchmark().run(c.withRunName("postcopy").withPlatform(c.platform()
                .withAlgorithm("postcopy")), new ModelPlatform(new PageLevelSimulator()), store,
                ProgressListener.NONE);
        return List.of(pre, post);
    }
}
