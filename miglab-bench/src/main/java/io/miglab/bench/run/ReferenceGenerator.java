package io.miglab.bench.run;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.reference.ReferenceSet;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.workload.Workload;
import io.miglab.core.sim.PageLevelSimulator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the shipped reference set {@value ReferenceSets#SIMULATOR}: the page-level simulator running the benchmark's
 * default configuration (the reference platform of {@link BenchConfig#referencePlatform()}: QEMU-like pre-copy,
 * 1 Gbit/s, 300 ms downtime limit, 256 MiB guest), every standard workload, light and heavy host load, 5 points.
 *
 * <pre>java -cp ... io.miglab.bench.run.ReferenceGenerator miglab-bench/src/main/resources/io/miglab/bench/reference/sim-kvm-precopy-1g.json</pre>
 */
public final class ReferenceGenerator {
    public static final int POINTS = 5;

    private ReferenceGenerator() { }

    public static ReferenceSet generate() throws InterruptedException {
        BenchConfig config = BenchConfig.defaults("reference").withPoints(POINTS)
                .withHostLoads(List.of(HostLoad.LIGHT, HostLoad.HEAVY));
        ModelPlatform platform = new ModelPlatform(new PageLevelSimulator());
        List<Measurement> ms = new ArrayList<>();
        for (HostLoad load : config.hostLoads()) {
            for (Workload w : config.workloads()) {
                Baseline b = platform.baseline(w, load, config);
                for (int k = 1; k <= POINTS; k++) ms.add(platform.migrate(w, load, k, b, config));
            }
        }
        return ReferenceSet.fromMeasurements(ReferenceSets.SIMULATOR,
                "Reference platform: QEMU-like pre-copy (no auto-converge, no XBZRLE) over a 1 Gbit/s link, 300 ms"
                        + " downtime limit, cancel after 60 s; 256 MiB guest; 2-core host model; page-level simulator",
                "miglab-bench ReferenceGenerator (backend sim, default BenchConfig, " + POINTS
                        + " points, seed 1), " + LocalDate.now(), ms);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ReferenceGenerator OUTPUT.json");
            System.exit(2);
        }
        ReferenceSet set = generate();
        ReferenceSets.write(set, Path.of(args[0]));
        System.out.println("wrote " + set.entries().size() + " entries to " + args[0]);
    }
}
