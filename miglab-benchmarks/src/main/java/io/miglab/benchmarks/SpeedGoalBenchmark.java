package io.miglab.benchmarks;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two page-level cases of the speed goals (docs/perf-baseline.md):
 * <ul>
 *   <li>{@code workingSet64G}: a 64 GiB guest writing 200,000 random pages/s within a 2 GiB working set, over
 *       10 Gbit/s (goal: under 20 ms);</li>
 *   <li>{@code sweep1G}: the case measured against SimGrid's live-migration plugin
 *       (scripts/bench-vs-simgrid.sh): a 1 GiB guest writing 2,441 pages/s in address order over 0.9 of its memory,
 *       100 MB/s, downtime limit 30 ms.</li>
 * </ul>
 *
 * <p>How to run: {@code mvn -q -DskipTests package -pl miglab-core,miglab-benchmarks -am} then
 * {@code java -jar miglab-benchmarks/target/benchmarks.jar SpeedGoalBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SpeedGoalBenchmark {
    private MigrationSpec workingSet64G;
    private MigrationSpec sweep1G;
    private final PageLevelSimulator simulator = new PageLevelSimulator();

    @Setup
    public void setUp() {
        int page = 4096;
        workingSet64G = MigrationSpec.of(ByteSize.parse("memory", "64G"), DataRate.parse("bandwidth", "10Gbit/s"))
                .withWriteModel(new WorkingSetWrites(ByteSize.parse("working-set", "2G"), page, 200_000, 0));
        ByteSize memory = ByteSize.parse("memory", "1G");
        sweep1G = MigrationSpec.of(memory, DataRate.parse("bandwidth", "100MB/s"))
                .withWriteModel(new SweepWrites(ByteSize.ofBytes((long) (0.9 * memory.bytes())), page, 2441))
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(30), TerminationPolicy.DEFAULT_TIMEOUT));
    }

    @Benchmark
    public MigrationResult workingSet64G() {
        return simulator.migrate(workingSet64G);
    }

    @Benchmark
    public MigrationResult sweep1G() {
        return simulator.migrate(sweep1G);
    }
}
