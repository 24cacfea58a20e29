package io.miglab.qemu.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatAnalysisTest {
    private static final long MS = 1_000_000;

    private static SerialLine at(long ms, String text) {
        return new SerialLine(ms * MS, text);
    }

    // Guards against measuring the gap between the wrong pair, or comparing counters of the wrong streams.
    @Test
    void theSwitchGapRunsFromTheSourcesLastBeatToTheDestinationsFirst() {
        SerialTranscript src = new SerialTranscript(List.of(at(0, "HB 10"), at(10, "MEM 5 5000"), at(11, "HB 11"),
                at(21, "HB 12")), "");
        SerialTranscript dst = new SerialTranscript(List.of(at(90, "HB 13"), at(100, "HB 14")), "");
        HeartbeatAnalysis a = HeartbeatAnalysis.across(src, dst, 0).orElseThrow();
        assertThat(a.lastSourceCounter()).isEqualTo(12);
        assertThat(a.firstDestinationCounter()).isEqualTo(13);
        assertThat(a.switchGapMs()).isEqualTo(69.0);
        assertThat(a.maxGapMs()).isEqualTo(69.0);
        assertThat(a.counterContinued()).isTrue();
        assertThat(a.lineSplit()).isFalse();
        assertThat(a.sourceHeartbeats()).isEqualTo(3);
        assertThat(a.destinationHeartbeats()).isEqualTo(2);
    }

    // Guards against losing the heartbeat whose line the switch-over cut in two (it would look like a skipped beat).
    @Test
    void aLineCutByTheSwitchOverIsJoinedAndCountsOnTheDestination() {
        SerialTranscript src = new SerialTranscript(List.of(at(0, "HB 45"), at(10, "HB 46")), "HB 4");
        SerialTranscript dst = new SerialTranscript(List.of(at(80, "7"), at(90, "HB 48")), "");
        HeartbeatAnalysis a = HeartbeatAnalysis.across(src, dst, 0).orElseThrow();
        assertThat(a.lineSplit()).isTrue();
        assertThat(a.firstDestinationCounter()).isEqualTo(47);
        assertThat(a.counterContinued()).isTrue();
        assertThat(a.switchGapMs()).isEqualTo(70.0);
    }

    // Guards against reporting a continued counter when beats were lost or the guest restarted.
    @Test
    void aRestartedOrSkippingCounterIsNotAContinuation() {
        SerialTranscript src = new SerialTranscript(List.of(at(0, "HB 45")), "");
        SerialTranscript restarted = new SerialTranscript(List.of(at(50, "HB 0")), "");
        assertThat(HeartbeatAnalysis.across(src, restarted, 0).orElseThrow().counterContinued()).isFalse();
        SerialTranscript skipped = new SerialTranscript(List.of(at(50, "HB 47")), "");
        assertThat(HeartbeatAnalysis.across(src, skipped, 0).orElseThrow().counterContinued()).isFalse();
    }

    // Guards against the window: gaps before the migration started must not count.
    @Test
    void gapsBeforeTheWindowAreIgnored() {
        SerialTranscript src = new SerialTranscript(List.of(at(0, "HB 1"), at(500, "HB 2"), at(510, "HB 3")), "");
        SerialTranscript dst = new SerialTranscript(List.of(at(540, "HB 4")), "");
        assertThat(HeartbeatAnalysis.across(src, dst, 505 * MS).orElseThrow().maxGapMs()).isEqualTo(30.0);
        assertThat(HeartbeatAnalysis.across(src, dst, 0).orElseThrow().maxGapMs()).isEqualTo(500.0);
    }

    // Guards against a fabricated figure when the destination never printed a heartbeat.
    @Test
    void noDestinationHeartbeatGivesNoAnalysis() {
        SerialTranscript src = new SerialTranscript(List.of(at(0, "HB 1")), "");
        assertThat(HeartbeatAnalysis.across(src, new SerialTranscript(List.of(), ""), 0)).isEmpty();
    }

    // Guards against misparsing the guest's report lines.
    @Test
    void guestLinesAreParsed() {
        assertThat(GuestMessage.parse("HB 123\r")).isEqualTo(new GuestMessage.Heartbeat(123));
        assertThat(GuestMessage.parse("MEM 50000 4999")).isEqualTo(new GuestMessage.MemReport(50000, 4999));
        // cpuburn: the running total and the rate over its 100 ms interval; the old one-field line is not a report
        assertThat(GuestMessage.parse("CPU 2250000000 450000000\r"))
                .isEqualTo(new GuestMessage.CpuReport(2_250_000_000L, 450_000_000));
        assertThat(GuestMessage.parse("CPU 450000000")).isInstanceOf(GuestMessage.Other.class);
        assertThat(GuestMessage.parse("MIGLAB READY")).isEqualTo(new GuestMessage.Ready());
        assertThat(GuestMessage.parse("MIGLAB ERROR memwriter exited")).isInstanceOf(GuestMessage.Error.class);
        assertThat(GuestMessage.parse("HB x")).isInstanceOf(GuestMessage.Other.class);
    }
}
