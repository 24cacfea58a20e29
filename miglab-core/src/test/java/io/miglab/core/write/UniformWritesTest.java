package io.miglab.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.miglab.core.Specs;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The write models against the counts they promise. */
class UniformWritesTest {
    /** Distinct pages among R t uniform writes over N pages: N (1 - e^(-R t / N)); guards the random writer. */
    @ParameterizedTest
    @CsvSource({"262144,5000,1", "262144,50000,10", "65536,20000,5", "65536,100000,30"})
    void distinctPagesMatchExpectation(int pages, double rate, double seconds) {
        UniformWrites model = new UniformWrites(rate);
        PageBitmap seen = new PageBitmap(pages);
        WriteProcess writer = model.start(Specs.ofPages(pages), 7);
        // split the interval as rounds would, to check the intervals join without gaps or overlaps
        writer.write(0, seconds / 3, seen::set);
        writer.write(seconds / 3, seconds, seen::set);
        double expected = pages * (1 - Math.exp(-rate * seconds / pages));
        assertThat((double) seen.cardinality()).isCloseTo(expected, withPercentage(2));
        assertThat(model.expectedDistinctPages(seconds, pages)).isCloseTo(expected, withPercentage(1e-9));
    }

    /** The simulator's round 1 re-sends what round 0's duration dirtied: the same expectation, within 2 %. */
    @ParameterizedTest
    @CsvSource({"10000", "40000"})
    void simulatorRoundOneMatchesDistinctCount(double rate) {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s").withWriteModel(new UniformWrites(rate));
        MigrationResult r = new PageLevelSimulator().migrate(spec.withPolicy(Specs.fixedRounds(2)));
        double round0Seconds = r.rounds().get(0).durationMs() / 1000;
        double expected = spec.writeModel().expectedDistinctPages(round0Seconds, spec.memory().pages());
        assertThat((double) r.rounds().get(1).pages()).isCloseTo(expected, withPercentage(2));
    }

    /** The sweep writes each page of its array once per pass, in order; guards wrap-around at the array's end. */
    @ParameterizedTest
    @CsvSource({"1000,0.5", "1000,3.7", "16384,1.0"})
    void sweepCoversTheArrayOncePerPass(double rate, double seconds) {
        int pages = 65536;
        SweepWrites sweep = new SweepWrites(ByteSize.ofMiB(16), Specs.PAGE, rate);
        PageBitmap seen = new PageBitmap(pages);
        long[] count = {0};
        WriteProcess writer = sweep.start(Specs.ofPages(pages), 1);
        for (int i = 0; i < 10; i++) {
            writer.write(i * seconds / 10, (i + 1) * seconds / 10, p -> {
                seen.set(p);
                count[0]++;
            });
        }
        assertThat(count[0]).isEqualTo((long) Math.floor(rate * seconds));
        assertThat((double) seen.cardinality()).isEqualTo(Math.min(4096, Math.floor(rate * seconds)));
        assertThat(seen.nextSet(0)).isEqualTo((pages - 4096) / 2);
    }
}
