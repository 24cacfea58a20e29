package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.core.result.RoundStats;
import io.miglab.qemu.qmp.QmpEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundExtractorTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MigrationSample sample(long ms, long syncs, long bytes, long pages, int throttle, long rate) {
        return new MigrationSample(ms, T0 + ms * 1000, "active", ms, 1, -1, -1, throttle, bytes, 0, 0, 0, pages,
                syncs, rate, 0, bytes, 0, 0, 0, 0);
    }

    private static QmpEvent pass(long n, long ms) {
        return new QmpEvent("MIGRATION_PASS", JSON.createObjectNode().put("pass", n), 0, T0 + ms * 1000);
    }

    // Guards against the off-by-one between QEMU's sync counter (1 at setup, 1 at completion) and rounds.
    @Test
    void roundCountFollowsHowTheRunEnded() {
        assertThat(RoundExtractor.precopyRounds(3, true)).isEqualTo(1); // idle guest: setup, pass, completion
        assertThat(RoundExtractor.precopyRounds(2, true)).isZero(); // post-copy at once: setup, switch
        assertThat(RoundExtractor.precopyRounds(5, false)).isEqualTo(4); // cancelled after four passes
    }

    // Guards against rounds timed by the poll grid instead of the events, or bytes not interpolated between polls.
    @Test
    void roundsSpanSyncEventsWithBytesInterpolatedAtThem() {
        // a steady 100 bytes/ms and 1 page/ms; syncs at 0 (setup), 250 and 400 ms; polls every 100 ms
        List<MigrationSample> series = new ArrayList<>();
        for (long ms = 100; ms <= 500; ms += 100) {
            series.add(sample(ms, ms < 250 ? 1 : ms < 400 ? 2 : 3, ms * 100, ms, ms >= 300 ? 20 : 0, 77));
        }
        List<QmpEvent> events = List.of(pass(1, 0), pass(2, 250), pass(3, 400));
        List<RoundStats> rounds = new RoundExtractor(series, events, T0).rounds(2, -1);
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).durationMs()).isEqualTo(250.0);
        assertThat(rounds.get(0).bytes()).isEqualTo(25_000);
        assertThat(rounds.get(0).pages()).isEqualTo(250);
        assertThat(rounds.get(1).bytes()).isEqualTo(15_000);
        assertThat(rounds.get(1).throttlePercent()).isZero(); // the throttle in force at its start (250 ms)
        // round 0's dirtied pages are what round 1 sent: 15000 B / 4104 B per page over 0.25 s
        assertThat(rounds.get(0).dirtyRate()).isCloseTo(15_000 / 4104.0 / 0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rounds.get(1).dirtyRate()).isEqualTo(77.0); // the last one takes QEMU's own figure
    }

    // Guards against a last round that swallows the stop-and-copy's bytes.
    @Test
    void roundsNeverReachPastThePrecopyBytes() {
        List<MigrationSample> series = List.of(sample(100, 1, 10_000, 100, 0, 0), sample(200, 3, 50_000, 500, 0, 0));
        List<QmpEvent> events = List.of(pass(1, 0), pass(2, 150), pass(3, 190));
        List<RoundStats> rounds = new RoundExtractor(series, events, T0).rounds(1, 20_000);
        assertThat(rounds.get(0).bytes()).isEqualTo(20_000);
    }
}
