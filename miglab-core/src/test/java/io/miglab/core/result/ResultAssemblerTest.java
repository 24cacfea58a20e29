package io.miglab.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric definitions, once, from a timeline that every engine fills. */
class ResultAssemblerTest {
    private static Timeline precopyThenSwitchOver() {
        Timeline t = new Timeline();
        t.add(new Timeline.Started(0));
        t.stage(Stage.PREPARATION, 0);
        t.stage(Stage.RESERVATION, 0.04);
        t.stage(Stage.PRECOPY, 0.05);
        t.sent(Timeline.Phase.PRECOPY, 1000.4);
        t.pagesSent(2.5, 0.25, 1);
        t.add(new Timeline.RoundEnded(1.05, new RoundStats(0, 2, 1000, 1000, 5, 0)));
        t.sent(Timeline.Phase.PRECOPY, 500.4);
        t.pageSent(true, false);
        t.throttled(20);
        t.throttled(10);
        t.add(new Timeline.RoundEnded(1.55, new RoundStats(1, 1, 500, 500, 4, 20)));
        t.stage(Stage.STOP_AND_COPY, 1.55);
        t.sent(Timeline.Phase.STOP_AND_COPY, 200.4);
        t.stage(Stage.COMMIT, 1.59);
        t.stage(Stage.ACTIVATION, 1.6);
        t.guestRan(1.55, 0.155);
        t.add(new Timeline.Finished(1.625, StopReason.DOWNTIME_LIMIT_MET, true));
        return t;
    }

    // Guards each definition: downtime from pause to resume, resume time from loading to resume, preparation to
    // the first page, pre-copy time as the rounds' sum, bytes rounded per phase and then added.
    @Test
    void figures_followTheirDefinitions() {
        MigrationResult r = ResultAssembler.assemble("test", "precopy", precopyThenSwitchOver(), List.of("note"));
        assertThat(r.outcome()).isEqualTo(new Outcome(true, true, StopReason.DOWNTIME_LIMIT_MET));
        assertThat(r.timing().preparationTimeMs()).isCloseTo(50, offset(1e-9));
        assertThat(r.timing().downtimeMs()).isCloseTo(75, offset(1e-9));
        assertThat(r.timing().resumeTimeMs()).isCloseTo(25, offset(1e-9));
        assertThat(r.timing().totalTimeMs()).isEqualTo(1625);
        assertThat(r.timing().precopyTimeMs()).isEqualTo(1500);
        assertThat(r.traffic()).isEqualTo(new Traffic(1701, 4, 1, 1, 1501, 200, 0));
        assertThat(r.guestImpact().guestSlowdownPercent()).isCloseTo(10, offset(1e-9));
        assertThat(r.guestImpact().maxThrottlePercent()).isEqualTo(20);
        assertThat(r.rounds()).extracting(RoundStats::round).containsExactly(0, 1);
        assertThat(r.assumptions()).containsExactly("note");
        assertThat(r.fate()).isEqualTo(Fate.none(true));
    }

    // Guards the stage list: gapless, in order, each stage's bytes its own, and the times as views of it.
    @Test
    void stages_coverTheRunWithoutGaps() {
        MigrationResult r = ResultAssembler.assemble("test", "precopy", precopyThenSwitchOver(), List.of());
        assertThat(r.stages()).extracting(StageStats::stage).containsExactly("preparation", "reservation",
                "pre-copy", "stop-and-copy", "commit", "activation");
        assertThat(r.stages()).extracting(StageStats::bytes).containsExactly(0L, 0L, 1501L, 200L, 0L, 0L);
        assertThat(r.stages().get(2).durationMs()).isCloseTo(1500, offset(1e-9));
        assertThat(r.stages().get(4).durationMs()).isCloseTo(10, offset(1e-9));
        double sum = r.stages().stream().mapToDouble(StageStats::durationMs).sum();
        assertThat(sum).isCloseTo(r.timing().totalTimeMs(), offset(1e-9));
        assertThat(r.stages().get(5).durationMs()).isCloseTo(r.timing().resumeTimeMs(), offset(1e-9));
    }

    // Guards a cancelled run: the guest never paused, so no downtime, and it did not complete.
    @Test
    void cancelledRun_hasNoDowntime() {
        Timeline t = new Timeline();
        t.stage(Stage.PRECOPY, 0);
        t.add(new Timeline.RoundEnded(5, new RoundStats(0, 10, 10, 5000, 1, 0)));
        t.add(new Timeline.Finished(5, StopReason.TIMEOUT, false));
        MigrationResult r = ResultAssembler.assemble("test", "precopy", t, List.of());
        assertThat(r.outcome()).isEqualTo(new Outcome(false, false, StopReason.TIMEOUT));
        assertThat(r.timing().downtimeMs()).isZero();
        assertThat(r.timing().resumeTimeMs()).isZero();
        assertThat(r.timing().totalTimeMs()).isEqualTo(5000);
    }

    // Guards the engines' running total (the policy's data limit reads it mid-run).
    @Test
    void bytesSoFar_isTheSumOfThePhases() {
        Timeline t = precopyThenSwitchOver();
        assertThat(t.bytes()).isCloseTo(1701.2, offset(1e-9));
        assertThat(t.roundCount()).isEqualTo(2);
    }
}
