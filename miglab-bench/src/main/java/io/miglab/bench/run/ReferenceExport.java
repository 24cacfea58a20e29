package io.miglab.bench.run;

import io.miglab.bench.reference.ReferenceSet;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes a complete run of the results store as a reference set file, with the machine it ran on, the QEMU that
 * ran it and the date in its description and provenance. Run it on the machine that measured the run. The shipped
 * default {@value ReferenceSets#DEFAULT} was made this way from {@code miglab bench --backend qemu --name
 * qemu-tcg-precopy-1g} (the default configuration):
 *
 * <pre>java -cp ... io.miglab.bench.run.ReferenceExport miglab-bench.db qemu-tcg-precopy-1g \
 *     miglab-bench/src/main/resources/io/miglab/bench/reference/qemu-tcg-precopy-1g.json "how loaded the host was"</pre>
 */
public final class ReferenceExport {
    private ReferenceExport() { }

    /** {@code machine}: where it ran and under what conditions, in words. */
    public static ReferenceSet of(RunRecord run, String machine) {
        String qemu = run.measurements().stream().flatMap(m -> m.result().assumptions().stream())
                .filter(a -> a.startsWith("QEMU ")).findFirst().map(a -> a.replaceFirst(", guest workload=.*", ""))
                .orElse("backend " + run.info().backend());
        String config = run.info().configJson();
        return ReferenceSet.fromMeasurements(run.info().name(),
                "Measured " + run.info().startedAt().toString().substring(0, 10) + ": " + qemu + " on " + machine
                        + "; miglab bench's default platform (pre-copy, 1 Gbit/s, "
                        + "300 ms downtime limit, 256 MiB guest), " + run.measurements().size() + " migrations",
                "miglab bench run " + run.info().id() + " '" + run.info().name() + "' on " + run.info().host()
                        + ", started " + run.info().startedAt() + "; configuration " + config,
                run.measurements());
    }

    /** This machine in words: processor model, cores, kernel. */
    static String thisMachine() throws IOException {
        String model;
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*?:\\s*", ""))
                    .orElse("unknown processor");
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: ReferenceExport DB RUN_NAME OUTPUT.json [CONDITIONS]");
            System.exit(2);
        }
        try (ResultsStore store = ResultsStore.open(args[0])) {
            RunRecord run = store.findCompleteRun(args[1]).orElseThrow(() -> new IllegalArgumentException("no "
                    + "complete run named " + args[1] + " in " + args[0]));
            ReferenceSet set = of(run, thisMachine() + (args.length == 4 ? " (" + args[3] + ")" : ""));
            ReferenceSets.write(set, Path.of(args[2]));
            System.out.println("wrote " + set.entries().size() + " entries to " + args[2]);
        }
    }
}
