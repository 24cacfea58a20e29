package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StageStats;
import io.miglab.core.spec.FailureSpec;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.ProtocolOptions;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --fail} in the closed form equals the page-level simulator on a guest that does not write (so both send
 * the same pages at the same pace): the same outcome, failed stage and guest location, and the same wasted bytes,
 * wasted time, total time and stage list, every stage and kind through the same FailurePlan.
 */
class ClosedFormFailureTest {
    private static MigrationSpec spec(String algorithm, String failure) {
        MigrationSpec s = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withWriteModel(new NoWrites())
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(10), Optional.empty()))
                .withOverheads(new Overheads(Duration.ofMillis(100), Duration.ofMillis(20), ByteSize.ofKiB(256),
                        Duration.ZERO))
                .withPostCopy(new PostCopyOptions(1, Optional.empty(), 0))
                .withProtocol(ProtocolOptions.defaults().withReservation(Duration.ofMillis(50)))
                .withAlgorithm(algorithm);
        return s.withProtocol(s.protocol().withFailure(Optional.of(FailureSpec.parse(failure))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "precopy, destination-crash@preparation+50ms",
        "precopy, link-down@reservation+20ms",
        "precopy, source-crash@reservation+20ms",
        "precopy, destination-crash@pre-copy+300ms",
        "precopy, link-down@pre-copy+300ms",
        "precopy, source-crash@pre-copy+300ms",
        "precopy, destination-crash@stop-and-copy+0ms",
        "precopy, link-down@commit+1ms",
        "precopy, destination-crash@activation+10ms",
        "precopy, link-down@activation+10ms",
        "precopy, destination-crash@pre-copy+5s",
        "postcopy, link-down@stop-and-copy+1ms",
        "postcopy, destination-crash@post-copy+200ms",
        "postcopy, link-down@post-copy+200ms",
    })
    void closedForm_equalsThePageLevelSimulator_withoutWrites(String algorithm, String failure) {
        MigrationSpec spec = spec(algorithm, failure);
        MigrationResult sim = new PageLevelSimulator().migrate(spec);
        MigrationResult cf = new ClosedFormPredictor().migrate(spec);
        assertThat(cf.outcome()).isEqualTo(sim.outcome());
        assertThat(cf.fate().vmRunsOn()).isEqualTo(sim.fate().vmRunsOn());
        assertThat(cf.fate().failure()).isEqualTo(sim.fate().failure());
        assertThat(cf.fate().failedStage()).isEqualTo(sim.fate().failedStage());
        // bytes: the simulator sends whole pages, the closed form the share of the stage's bytes
        assertThat((double) cf.fate().wastedBytes()).isCloseTo(sim.fate().wastedBytes(), offset(4200.0));
        assertThat(cf.fate().wastedTimeMs()).isCloseTo(sim.fate().wastedTimeMs(), offset(0.05));
        assertThat(cf.timing().totalTimeMs()).isCloseTo(sim.timing().totalTimeMs(), offset(0.05));
        assertThat(cf.timing().downtimeMs()).isCloseTo(sim.timing().downtimeMs(), offset(0.05));
        assertThat((double) cf.traffic().bytesTransferred()).isCloseTo(sim.traffic().bytesTransferred(),
                offset(4200.0));
        assertThat(cf.stages()).extracting(StageStats::stage)
                .containsExactlyElementsOf(sim.stages().stream().map(StageStats::stage).toList());
        for (int i = 0; i < cf.stages().size(); i++) {
            assertThat(cf.stages().get(i).durationMs()).as(cf.stages().get(i).stage())
                    .isCloseTo(sim.stages().get(i).durationMs(), offset(0.05));
        }
        long stageBytes = cf.stages().stream().mapToLong(StageStats::bytes).sum();
        assertThat(stageBytes).isEqualTo(cf.traffic().bytesTransferred());
    }
}
