package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.core.result.StageStats;
import io.miglab.qemu.qmp.QmpEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event-to-stage mapping over event sequences recorded from QEMU 10.0.2 (TCG, 128 MiB idle or 160 MiB memwriter
 * guest), shifted so that {@code migrate} was sent 1000 ms after the run began.
 */
class QemuStageMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QemuStageMapper.Bytes BYTES = new QemuStageMapper.Bytes(50_706_413, 10_705_764, 0,
            61_526_167);

    /** Source of a pre-copy migration with pause-before-switchover, held 0.5 s in pre-switchover. */
    private static List<QmpEvent> precopySource() {
        return events("""
                1001 MIGRATION setup
                1012 MIGRATION_PASS 1
                1012 MIGRATION active
                1453 MIGRATION_PASS 2
                1453 STOP
                1454 MIGRATION pre-switchover
                1985 MIGRATION device
                1985 MIGRATION_PASS 3
                2052 MIGRATION completed
                """);
    }

    private static List<QmpEvent> precopyDestination() {
        return events("""
                1000 MIGRATION setup
                1003 MIGRATION active
                2058 RESUME
                2059 MIGRATION completed
                """);
    }

    // Guards the order and the borders of the pre-copy stages: a stage taken from the wrong event (e.g. pre-copy
    // ending at pre-switchover instead of STOP, or activation from the source's RESUME) moves a border.
    @Test
    void aCompletedPrecopy_goesThroughTheSixStagesBorderedByItsEvents() {
        StageMarks marks = new StageMarks(ms(0), ms(200), 0, ms(1000), ms(2100), ms(2200));
        List<StageStats> stages = QemuStageMapper.map(marks, precopySource(), precopyDestination(), BYTES);
        assertThat(stages).extracting(StageStats::stage).containsExactly("preparation", "reservation", "pre-copy",
                "stop-and-copy", "commit", "activation");
        assertThat(stages.get(0).durationMs()).isCloseTo(200, within(1e-9));
        assertThat(stages.get(1).durationMs()).isCloseTo(812, within(1e-9)); // to the source's active
        assertThat(stages.get(2).durationMs()).isCloseTo(441, within(1e-9)); // to STOP
        assertThat(stages.get(3).durationMs()).isCloseTo(599, within(1e-9)); // to the source's completed
        assertThat(stages.get(4).durationMs()).isCloseTo(7, within(1e-9));   // to the destination's completed
        assertThat(stages.get(5).durationMs()).isCloseTo(41, within(1e-9));  // to the first heartbeat
        assertThat(stages.get(2).bytes()).isEqualTo(50_706_413);
        assertThat(stages.get(3).bytes()).isEqualTo(10_705_764);
        for (int i = 1; i < stages.size(); i++) {
            assertThat(stages.get(i).startMs()).isCloseTo(stages.get(i - 1).startMs() + stages.get(i - 1).durationMs(),
                    within(1e-9));
        }
    }

    // Guards the failed stage: a switch-over cancelled in pre-switchover ends in stop-and-copy, which lasts until
    // miglab gave up, and pre-copy's bytes are still QEMU's precopy-bytes.
    @Test
    void aMigrationCancelledAtTheSwitchOver_endsInStopAndCopy() {
        List<QmpEvent> source = events("""
                1003 MIGRATION setup
                1006 MIGRATION active
                1474 STOP
                1479 MIGRATION pre-switchover
                1488 MIGRATION cancelling
                1516 RESUME
                1516 MIGRATION cancelled
                """);
        StageMarks marks = new StageMarks(ms(0), ms(100), 0, ms(1000), 0, ms(3000));
        List<StageStats> stages = QemuStageMapper.map(marks, source, events("1001 MIGRATION setup\n"), BYTES);
        assertThat(stages).extracting(StageStats::stage).containsExactly("preparation", "reservation", "pre-copy",
                "stop-and-copy");
        assertThat(stages.get(3).startMs() + stages.get(3).durationMs()).isCloseTo(3000, within(1e-9));
    }

    // Guards the reservation failure: a destination gone before migrate never lets the source reach active.
    @Test
    void aDestinationLostBeforeMigrate_endsInReservation() {
        List<QmpEvent> source = events("""
                1001 MIGRATION setup
                1002 MIGRATION failed
                """);
        StageMarks marks = new StageMarks(ms(0), ms(100), 0, ms(1000), 0, ms(2500));
        assertThat(QemuStageMapper.map(marks, source, List.of(), BYTES)).extracting(StageStats::stage)
                .containsExactly("preparation", "reservation");
    }

    // Guards post-copy's own order (the guest runs on the destination before all memory is there) and that a
    // paused-and-recovered channel stays inside post-copy.
    @Test
    void aRecoveredPostcopy_activatesBeforePostcopyAndCommitsLast() {
        List<QmpEvent> source = events("""
                1004 MIGRATION setup
                1028 MIGRATION active
                2011 STOP
                2011 MIGRATION device
                2012 MIGRATION postcopy-active
                3111 MIGRATION postcopy-paused
                3175 MIGRATION postcopy-recover-setup
                3177 MIGRATION postcopy-recover
                3179 MIGRATION postcopy-active
                15386 MIGRATION completed
                """);
        List<QmpEvent> destination = events("""
                1000 MIGRATION setup
                1027 MIGRATION active
                2014 MIGRATION postcopy-active
                2017 RESUME
                3067 MIGRATION postcopy-paused
                3177 MIGRATION postcopy-recover
                3179 MIGRATION postcopy-active
                15385 MIGRATION completed
                """);
        StageMarks marks = new StageMarks(ms(0), ms(300), 0, ms(1000), ms(2100), ms(16000));
        List<StageStats> stages = QemuStageMapper.map(marks, source, destination,
                new QemuStageMapper.Bytes(5_326_638, 0, 71_056_395, 76_279_838));
        assertThat(stages).extracting(StageStats::stage).containsExactly("preparation", "reservation", "pre-copy",
                "stop-and-copy", "activation", "post-copy", "commit");
        assertThat(stages.get(3).durationMs()).isCloseTo(6, within(1e-9));     // STOP to the destination's RESUME
        assertThat(stages.get(5).startMs()).isCloseTo(2100, within(1e-9));     // first heartbeat
        assertThat(stages.get(5).durationMs()).isCloseTo(13286, within(1e-9)); // to the source's completed
        assertThat(stages.get(5).bytes()).isEqualTo(71_056_395);
        // the destination reported completed 1 ms before the source: commit ends where it begins, not earlier
        assertThat(stages.get(6).startMs() + stages.get(6).durationMs()).isCloseTo(15386, within(1e-9));
    }

    private static long ms(double ms) {
        return Math.round(ms * 1e6);
    }

    /** Lines of "ms NAME [status|pass]", host milliseconds after the run began (migrate was sent at 1000 ms). */
    private static List<QmpEvent> events(String lines) {
        List<QmpEvent> out = new ArrayList<>();
        for (String line : lines.strip().split("\n")) {
            String[] w = line.trim().split(" ");
            long nanos = ms(Double.parseDouble(w[0]));
            var data = JSON.createObjectNode();
            if (w[1].equals("MIGRATION")) data.put("status", w[2]);
            if (w[1].equals("MIGRATION_PASS")) data.put("pass", Integer.parseInt(w[2]));
            out.add(new QmpEvent(w[1], data, nanos, nanos / 1000));
        }
        return out;
    }
}
