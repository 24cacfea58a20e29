package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page-level simulator against the closed forms it must reproduce exactly. */
class ClosedFormAgreementTest {
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** Guards against a pre-copy that re-sends pages of an idle guest or loses the latency. */
    @ParameterizedTest
    @CsvSource({"256M,100MiB/s,0", "1G,1Gbit/s,0", "4G,10Gbit/s,20", "512M,10MiB/s,100"})
    void noDirtying_totalTimeIsMemoryOverBandwidthPlusLatency(String memory, String bandwidth, long rttMs) {
        MigrationSpec spec = Specs.idle(memory, bandwidth);
        spec = spec.withLink(new Link(spec.link().bandwidth(), Duration.ofMillis(rttMs), Optional.empty()));
        MigrationResult r = sim.migrate(spec);

        double bw = spec.link().bandwidth().bytesPerSecond();
        double expectedSeconds = spec.memory().bytes() / bw + rttMs / 2000.0;
        assertThat(r.timing().totalTimeMs()).isCloseTo(expectedSeconds * 1000, withPercentage(1));
        // downtime is only the device (CPU) state plus the last byte's flight
        double deviceSeconds = spec.overheads().deviceState().bytes() / bw;
        assertThat(r.timing().downtimeMs()).isCloseTo((deviceSeconds + rttMs / 2000.0) * 1000, within(1e-6));
        assertThat(r.traffic().pagesResent()).isZero();
        assertThat(r.roundCount()).isEqualTo(1);
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.DOWNTIME_LIMIT_MET);
    }

    /**
     * Pre-copy of a sweep over all memory is the geometric series V_mem (1 - l^(n+1)) / (1 - l) for rounds 0..n;
     * guards the round/dirty-log semantics (a page written in a round is sent in the next).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 0.3, 0.5, 0.65, 0.8})
    void sweep_precopyBytesFollowGeometricSeries(double ratio) {
        int rounds = 4;
        DataRate bw = DataRate.parse("bandwidth", "100MiB/s");
        double pagesPerSecond = ratio * bw.bytesPerSecond() / Specs.PAGE_WIRE;
        MigrationSpec spec = Specs.sweepAll("1G", "100MiB/s", pagesPerSecond).withPolicy(Specs.fixedRounds(rounds))
                .withOverheads(Specs.noDeviceState());
        MigrationResult r = sim.migrate(spec);

        double vMem = spec.memory().pages() * Specs.PAGE_WIRE;
        assertThat((double) r.traffic().precopyBytes())
                .isCloseTo(ClosedFormPredictor.geometricSeries(vMem, ratio, rounds - 1), withPercentage(2));
        // the stop-and-copy is the series' next term: all bytes are rounds 0..n+1
        assertThat((double) r.traffic().bytesTransferred())
                .isCloseTo(ClosedFormPredictor.geometricSeries(vMem, ratio, rounds), withPercentage(2));
        assertThat(r.roundCount()).isEqualTo(rounds);
        assertThat(r.outcome().converged()).isFalse();
        assertThat(r.outcome().completed()).isTrue();
    }

    /** Guards the predictor's iteration against drifting from the simulator for the same sweep. */
    @ParameterizedTest
    @CsvSource({"precopy,1000", "precopy,5000", "precopy,15000", "postcopy,5000", "stop-and-copy,0", "hybrid,5000"})
    void predictorAgreesWithSimulatorOnSweeps(String algorithm, double pagesPerSecond) {
        MigrationSpec spec = Specs.sweepAll("1G", "100MiB/s", pagesPerSecond).withAlgorithm(algorithm);
        MigrationResult simulated = sim.migrate(spec);
        MigrationResult predicted = new ClosedFormPredictor().migrate(spec);
        assertThat(predicted.timing().totalTimeMs()).isCloseTo(simulated.timing().totalTimeMs(), withPercentage(2));
        assertThat((double) predicted.traffic().bytesTransferred()).isCloseTo(simulated.traffic().bytesTransferred(),
                withPercentage(2));
        assertThat(predicted.roundCount()).isEqualTo(simulated.roundCount());
        assertThat(predicted.assumptions()).isNotEmpty();
    }
}
