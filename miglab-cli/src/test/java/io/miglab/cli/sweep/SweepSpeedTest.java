package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark entry point the README and scripts/bench-vs-simgrid.sh run: it measures both model backends, each
 * figure a finite CPU time. No figure is held to a speed, nor to another figure (on a busy CI machine one round of
 * the sweep once cost less CPU than the model alone); that is the benchmark's to print.
 */
class SweepSpeedTest {
    @Test
    void measuresEachModelBackend_theSweepAboveTheModelItRuns() throws Exception {
        List<SweepSpeed.Figures> figures = SweepSpeed.measure(1, 2);
        assertThat(figures).extracting(SweepSpeed.Figures::backend).containsExactly("sim", "closed-form");
        for (SweepSpeed.Figures f : figures) {
            assertThat(f.modelMicros()).as(f.backend()).isPositive().isFinite();
            assertThat(f.sweepMicros()).as(f.backend()).isPositive().isFinite();
        }
    }
}
