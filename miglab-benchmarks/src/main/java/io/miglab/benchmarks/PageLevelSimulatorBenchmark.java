package io.miglab.benchmarks;

import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.UniformWrites;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one simulated migration takes to compute, by guest size and algorithm, with the closed form as the
 * baseline. A guest writing 50,000 random pages/s over a 10 Gbit/s link.
 *
 * <p>How to run: {@code mvn -q -DskipTests package -pl miglab-core,miglab-benchmarks -am} then
 * {@code java -jar miglab-benchmarks/target/benchmarks.jar PageLevelSimulatorBenchmark}. Add {@code -p memory=64G}
 * to pick one size, {@code -f 1 -wi 2 -i 3} for a quick look.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class PageLevelSimulatorBenchmark {
    @Param({"1G", "16G", "64G"})
    public String memory;

    @Param({"precopy", "postcopy"})
    public String algorithm;

    private MigrationSpec spec;
    private final PageLevelSimulator simulator = new PageLevelSimulator();
    private final ClosedFormPredictor predictor = new ClosedFormPredictor();

    @Setup
    public void setUp() {
        spec = MigrationSpec.of(ByteSize.parse("memory", memory), DataRate.parse("bandwidth", "10Gbit/s"))
                .withWriteModel(new UniformWrites(50_000)).withAlgorithm(algorithm);
    }

    @Benchmark
    public MigrationResult pageLevelSimulator() {
        return simulator.migrate(spec);
    }

    @Benchmark
    public MigrationResult closedFormBaseline() {
        return predictor.migrate(spec);
    }
}
