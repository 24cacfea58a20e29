package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Windows over the web load generator's answers. */
class ThroughputMeterTest {
    private static final long MS = 1_000_000;

    // Guards against an off-by-one in the work counted over a window (the answer that opens the window was earned
    // before it) and against a window that does not bracket the migration.
    @Test
    void answersAroundAMigrationCountTheRequestsAfterTheFirstAndBracketIt() {
        // every 10 ms, then an outage from 60 to 200 ms
        long[] answers = {0, 10 * MS, 20 * MS, 30 * MS, 40 * MS, 50 * MS, 60 * MS, 200 * MS, 210 * MS, 220 * MS};
        ThroughputMeter.Window w = ThroughputMeter.aroundAnswers(answers, 25 * MS, 150 * MS).orElseThrow();
        assertThat(w.startNanos()).isEqualTo(20 * MS);
        assertThat(w.endNanos()).isEqualTo(200 * MS);
        assertThat(w.work()).isEqualTo(5); // 30, 40, 50, 60, 200
        // against a baseline of 100/s, 18 requests were due in the 180 ms window: 13 lost, 130 ms of service
        assertThat(100 * w.seconds() - w.work()).isCloseTo(13, org.assertj.core.data.Offset.offset(1e-9));

        ThroughputMeter.Window base = ThroughputMeter.withinAnswers(answers, 5 * MS, 55 * MS).orElseThrow();
        assertThat(base.work()).isEqualTo(4); // 20, 30, 40, 50 after the first at 10
        assertThat(base.rate()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ThroughputMeter.aroundAnswers(answers, 25 * MS, 230 * MS)).isEmpty();
        assertThat(ThroughputMeter.withinAnswers(new long[] {5 * MS}, 0, 10 * MS)).isEmpty();
    }
}
