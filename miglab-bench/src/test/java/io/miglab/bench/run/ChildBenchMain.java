package io.miglab.bench.run;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.sim.PageLevelSimulator;

/**
 * Run in a child JVM by {@link KilledRunTest}: one quick complete benchmark ("before"), then a slow one ("victim")
 * that prints {@code STEP n} as it goes, with the same Ctrl-C/SIGTERM hook as the CLI. The test kills it.
 */
public final class ChildBenchMain {
    public static void main(String[] args) throws Exception {
        try (ResultsStore store = ResultsStore.open(args[0])) {
            BenchConfig quick = BenchConfig.defaults("before").withWorkloads(Workloads.parse("idle,mem-low"))
                    .withPoints(2);
            new Benchmark().run(quick, new ModelPlatform(new PageLevelSimulator()), store,
                    ProgressListener.NONE);
            System.out.println("BEFORE DONE");
            Benchmark victim = new Benchmark();
            try (CancelOnShutdown hook = new CancelOnShutdown(victim)) {
                victim.run(quick.withRunName("victim").withPoints(50),
                        new ModelPlatform(new SlowBackend(new PageLevelSimulator(), 200)), store, p -> {
                            System.out.println("STEP " + p.done());
                            System.out.flush();
                        });
            }
            System.out.println("VICTIM FINISHED");
        }
    }
}
