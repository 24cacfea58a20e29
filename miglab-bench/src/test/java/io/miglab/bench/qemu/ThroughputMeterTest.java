package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.serial.SerialLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overhead's windows on real QEMU, against figures computed by hand. */
class ThroughputMeterTest {
    private static final long MS = 1_000_000;

    /** Answers every 10 ms (100/s) up to 1000 ms, none until 1250 ms, then every 10 ms again. */
    private static ThroughputMeter.Series webAnswers() {
        List<Long> t = new ArrayList<>();
        for (long ms = 10; ms <= 1000; ms += 10) t.add(ms * MS);
        for (long ms = 1250; ms <= 1500; ms += 10) t.add(ms * MS);
        return ThroughputMeter.Series.answers(t.stream().mapToLong(Long::longValue).toArray());
    }

    // Guards the web overhead: 100 ms bins from the migrate command up to the bin holding the first answer after the
    // migration's end, a baseline of as many bins just before, lost = baseline answers - window answers, overhead =
    // lost / (rate x T). Hand-computed: migrate at 800 ms, the guest runs on the destination at 1200 ms, first answer
    // at 1250 ms -> window 800..1300 ms (5 bins: 10 10 0 0 6 = 26 answers), baseline 300..800 ms (50 answers),
    // lost 24 requests at 100/s, T = 400 ms -> 100 x 24 / (100 x 0.4) = 60 %.
    @Test
    void webAnswersAreCountedInBinsAgainstABaselineOfTheSameLength() {
        ThroughputMeter.Series s = webAnswers();
        ThroughputMeter.Windows w = ThroughputMeter.aroundMigration(s, 800 * MS, 1200 * MS, 0).orElseThrow();
        assertThat(w.migration()).isEqualTo(new ThroughputMeter.Window(26, 800 * MS, 1300 * MS));
        assertThat(w.baseline()).isEqualTo(new ThroughputMeter.Window(50, 300 * MS, 800 * MS));
        assertThat(s.bins(w.migration())).containsExactly(10L, 10L, 0L, 0L, 6L);
        assertThat(s.bins(w.baseline())).containsExactly(10L, 10L, 10L, 10L, 10L);
        assertThat(w.lost()).isCloseTo(24, offset(1e-9));
        assertThat(w.baselineRate()).isCloseTo(100, offset(1e-9));
        assertThat(w.overheadPercent(400)).isCloseTo(60, offset(1e-9));

        // the guest had run only from 550 ms: the baseline is the 2 whole bins from 600 ms (20 answers), scaled to 5
        ThroughputMeter.Windows shortRun = ThroughputMeter.aroundMigration(s, 800 * MS, 1200 * MS, 550 * MS)
                .orElseThrow();
        assertThat(shortRun.baseline()).isEqualTo(new ThroughputMeter.Window(20, 600 * MS, 800 * MS));
        assertThat(shortRun.overheadPercent(400)).isCloseTo(60, offset(1e-9));
        // no answer after the end yet: no window
        assertThat(ThroughputMeter.aroundMigration(s, 800 * MS, 1600 * MS, 0)).isEmpty();
    }

    // Guards the console overhead (cpuburn's ten reports a second): the window runs from the last report before the
    // migrate command to the first after the end, the baseline is as long just before it, its start interpolated
    // between two reports. Hand-computed: 10^8 ops/s, reports every 100 ms to 1000 ms, then 1430 ms (+10^7) and
    // 1500 ms; migrate at 950 ms, end at 1350 ms -> window 900..1430 ms (2 x 10^7 ops), baseline 370..900 ms (5.3 x
    // 10^7 ops: 9 x 10^7 - 3.7 x 10^7), lost 3.3 x 10^7 ops at 10^8/s, T = 400 ms -> 82.5 %.
    @Test
    void cpuburnReportsGiveAWindowFromReportToReportAndAnInterpolatedBaseline() {
        List<SerialLine> lines = new ArrayList<>();
        for (int i = 0; i <= 10; i++) lines.add(new SerialLine(i * 100 * MS, "CPU " + i * 10_000_000L + " 100000000"));
        lines.add(new SerialLine(1400 * MS, "HB 3")); // another program's line is not cpuburn's work
        lines.add(new SerialLine(1430 * MS, "CPU 110000000 23000000"));
        lines.add(new SerialLine(1500 * MS, "CPU 120000000 100000000"));
        ThroughputMeter.Series s = ThroughputMeter.Series.console(lines, GuestProgram.CPUBURN);

        ThroughputMeter.Windows w = ThroughputMeter.aroundMigration(s, 950 * MS, 1350 * MS, 0).orElseThrow();
        assertThat(w.migration()).isEqualTo(new ThroughputMeter.Window(20_000_000, 900 * MS, 1430 * MS));
        assertThat(w.baseline().startNanos()).isEqualTo(370 * MS);
        assertThat(w.baseline().endNanos()).isEqualTo(900 * MS);
        assertThat(w.baseline().work()).isCloseTo(53_000_000, offset(1e-3));
        assertThat(w.baselineRate()).isCloseTo(1e8, offset(1e-3));
        assertThat(w.lost()).isCloseTo(33_000_000, offset(1e-3));
        assertThat(w.overheadPercent(400)).isCloseTo(82.5, offset(1e-9));
        // warm-up until 880 ms leaves no report before the window's start at 900 ms: the last one before it (800 ms)
        ThroughputMeter.Windows late = ThroughputMeter.aroundMigration(s, 950 * MS, 1350 * MS, 880 * MS).orElseThrow();
        assertThat(late.baseline()).isEqualTo(new ThroughputMeter.Window(10_000_000, 800 * MS, 900 * MS));
        assertThat(late.overheadPercent(400)).isCloseTo(82.5, offset(1e-9));
        // the baseline step: from report to report
        assertThat(s.within(150 * MS, 1000 * MS).orElseThrow().rate()).isCloseTo(1e8, offset(1e-3));
    }

    // Guards the clamp: a guest that did more during the migration than before (noise) has no negative overhead.
    @Test
    void moreWorkThanTheBaselineIsNoOverhead() {
        ThroughputMeter.Windows w = new ThroughputMeter.Windows(new ThroughputMeter.Window(12, 0, 100 * MS),
                new ThroughputMeter.Window(10, -100 * MS, 0), 10);
        assertThat(w.overheadPercent(80)).isZero();
    }
}
