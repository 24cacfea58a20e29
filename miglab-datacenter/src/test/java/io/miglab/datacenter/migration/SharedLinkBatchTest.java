package io.miglab.datacenter.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Migrations sharing one link, against the closed forms of fair sharing and of a queue. */
class SharedLinkBatchTest {
    private static final double RATE = 40.0 * ByteSize.MIB;
    // the flow's own cap far above the link: the shared link decides
    private static final MigrationSpec IDLE = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(4096));
    private final SharedLinkBatch batch = new SharedLinkBatch(AlgorithmRegistry.standard());

    private static double bytes(SharedLinkBatch.Member m) {
        return m.result().traffic().bytesTransferred();
    }

    // Guards against a link that is not shared fairly: N equal streams each get 1/N, so each one's transfer takes
    // N times as long, and together they send N times one alone's bytes.
    @Test
    void nEqualMigrationsAtOnceEachTakeNTimesTheTransferTime() {
        SharedLinkBatch.Member alone = batch.run(List.of(IDLE), RATE, 1, Optional.empty()).get(0);
        double fixedMs = alone.result().timing().totalTimeMs() - bytes(alone) / RATE * 1000;
        for (int n : new int[] {2, 4}) {
            List<SharedLinkBatch.Member> all = batch.run(Collections.nCopies(n, IDLE), RATE, n, Optional.empty());
            assertThat(all).hasSize(n);
            for (SharedLinkBatch.Member m : all) {
                assertThat(m.startSeconds()).isZero();
                assertThat(bytes(m)).isEqualTo(bytes(alone));
                assertThat(m.result().timing().totalTimeMs())
                        .isCloseTo(fixedMs + n * bytes(alone) / RATE * 1000, within(0.02 * n * bytes(alone) / RATE * 1000));
            }
        }
    }

    // Guards against a concurrency limit that is not kept: with K = 1 each starts when the one before has ended.
    @Test
    void withOneAtATimeEachStartsWhenTheOneBeforeEnds() {
        List<SharedLinkBatch.Member> all = batch.run(Collections.nCopies(3, IDLE), RATE, 1, Optional.empty());
        double end = 0;
        for (SharedLinkBatch.Member m : all) {
            assertThat(m.startSeconds()).isCloseTo(end, within(1e-6));
            end = m.startSeconds() + m.result().timing().totalTimeMs() / 1000;
        }
    }

    // Guards against a rate change that is ignored: doubling the link at the start is the same as twice the rate.
    @Test
    void aLinkDoubledAtTheStartIsALinkOfTwiceTheRate() {
        double changed = batch.run(List.of(IDLE, IDLE), RATE, 2,
                Optional.of(new SharedLinkBatch.CapacityChange(0.001, 2 * RATE))).get(0).result().timing().totalTimeMs();
        double doubled = batch.run(List.of(IDLE, IDLE), 2 * RATE, 2, Optional.empty()).get(0).result().timing()
                .totalTimeMs();
        double single = batch.run(List.of(IDLE, IDLE), RATE, 2, Optional.empty()).get(0).result().timing().totalTimeMs();
        assertThat(changed).isCloseTo(doubled, within(5.0)).isLessThan(single * 0.6);
    }
}
