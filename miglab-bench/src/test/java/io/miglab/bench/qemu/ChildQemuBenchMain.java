package io.miglab.bench.qemu;

import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.Benchmark;
import io.miglab.bench.run.CancelOnShutdown;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.workload.Workloads;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;

/** Run in a child JVM by {@link KilledQemuRunTest}: a real-QEMU benchmark that prints {@code STEP n}. */
public final class ChildQemuBenchMain {
    public static void main(String[] args) throws Exception {
        try (ResultsStore store = ResultsStore.open(args[0])) {
            BenchConfig c = BenchConfig.defaults("qemu-victim").withWorkloads(Workloads.parse("idle")).withPoints(3)
                    .withRunLength(Duration.ofSeconds(60)).withBaselineWindow(Duration.ofSeconds(2));
            Benchmark b = new Benchmark();
            try (CancelOnShutdown hook = new CancelOnShutdown(b)) {
                b.run(c, QemuPlatform.open(QemuRunOptions.defaults()), store, p -> {
                    System.out.println("STEP " + p.done());
                    System.out.flush();
                });
            }
        }
    }
}
