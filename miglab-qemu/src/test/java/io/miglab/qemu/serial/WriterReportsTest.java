package io.miglab.qemu.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** memwriter's MEM reports of one migration and the writer's achieved rate derived from them. */
class WriterReportsTest {
    private static final long MS = 1_000_000;
    /** The migrate command, on the host's clock. */
    private static final long START_MS = 5_000;

    private static SerialLine at(long ms, String text) {
        return new SerialLine(ms * MS, text);
    }

    /** A source console: boot, two reports before the migration, six during it, heartbeats between. */
    private static SerialTranscript console() {
        return new SerialTranscript(List.of(at(3_900, "MIGLAB READY"), at(4_000, "MEM 11000 11950"),
                at(4_990, "HB 400"), at(5_000, "MEM 23000 12000"), at(5_600, "MEM 30100 7100"),
                at(5_610, "HB 461"), at(6_600, "MEM 37700 7600"), at(7_600, "MEM 45100 7400"),
                at(8_600, "MEM 52600 7500"), at(9_600, "MEM 57400 4800"), at(10_600, "MEM 61100 3700")), "HB 5");
    }

    // Guards the capture: only MEM lines, only those that arrived between the migrate command and the migration's
    // end, timed from the command; heartbeats and an unfinished line are not reports.
    @Test
    void theReportsOfTheMigrationAreKeptTimedFromTheMigrateCommand() {
        WriterReports w = WriterReports.during(console(), START_MS * MS, 5_000, 3_700);
        assertThat(w.reports()).extracting(WriterReports.Report::atMs)
                .containsExactly(0.0, 600.0, 1_600.0, 2_600.0, 3_600.0, 4_600.0);
        assertThat(w.reports().get(2)).isEqualTo(new WriterReports.Report(1_600, 37_700, 7_600));
        assertThat(w.unthrottledUntilMs()).isEqualTo(3_700);
    }

    // Guards the achieved rate's definition: the guest's own pages/s over report intervals wholly within the
    // migration before the throttle rose; not the report that began before the migrate command (600 ms after it,
    // mostly the writer's pre-migration pace), nor those after the throttle (4,800 and 3,700 pages/s).
    @Test
    void theAchievedRateIsTheMeanReportedRateWhileMigratingBeforeTheThrottle() {
        WriterReports w = WriterReports.during(console(), START_MS * MS, 5_000, 3_700);
        assertThat(w.achievedPagesPerSecond()).hasValue(7_500); // (7,600 + 7,400 + 7,500) / 3
        // never throttled: every report of the migration whose second lies within it
        assertThat(WriterReports.during(console(), START_MS * MS, 6_000, 6_000).achievedPagesPerSecond())
                .hasValue(6_200); // (7,600 + 7,400 + 7,500 + 4,800 + 3,700) / 5
        assertThat(new WriterReports(List.of(new WriterReports.Report(1_000, 10, 7_333),
                new WriterReports.Report(2_000, 20, 7_334)), 2_000).achievedPagesPerSecond()).hasValue(7_334);
    }

    // Guards against inventing a rate: no report, or none whose whole second was within the window, gives none
    // (the nominal rate then stands).
    @Test
    void noFullReportWithinTheWindowGivesNoRate() {
        assertThat(WriterReports.during(console(), START_MS * MS, 5_000, 1_500).achievedPagesPerSecond()).isEmpty();
        assertThat(WriterReports.during(new SerialTranscript(List.of(at(6_000, "HB 1")), ""), START_MS * MS, 5_000,
                5_000).achievedPagesPerSecond()).isEmpty();
        assertThat(new WriterReports(List.of(), 0).reports()).isEmpty();
    }
}
