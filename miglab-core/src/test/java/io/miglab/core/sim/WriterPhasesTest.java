package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A sweep's starting point, and the median run over the starting points when it is not known. */
class WriterPhasesTest {
    private static final int PAGE = 4096;

    /** The 4-channel multifd case of the QEMU corpus, where the end game turns on where the sweep stood. */
    private static MigrationSpec multifd(OptionalDouble phase) {
        GuestMemory memory = GuestMemory.of(ByteSize.ofMiB(256)).withZeroPageShare(0.53);
        MigrationSpec s = HypervisorProfiles.standard().get("qemu").specFor(memory,
                new PacedWrites(new SweepWrites(ByteSize.ofMiB(64), PAGE, 5000, phase), Duration.ofMillis(100)),
                DataRate.ofMiBps(1049), Duration.ZERO, 1);
        return s.withLink(new Link(DataRate.ofMiBps(1049), Duration.ZERO, Optional.of(DataRate.ofMiBps(20)),
                Optional.empty())).withOptimisations(s.optimisations().withMultifdChannels(4));
    }

    @Test
    void aPhase_startsTheSweepThatFarIntoItsArray() {
        SweepWrites sweep = new SweepWrites(ByteSize.ofKiB(400), PAGE, 10, OptionalDouble.of(0.25));
        GuestMemory memory = GuestMemory.of(ByteSize.ofKiB(400));
        List<Integer> pages = new ArrayList<>();
        // 100 pages; 1 s at 10 pages/s from a quarter of the way: pages 25 to 34
        sweep.start(memory, 1).write(0, 1, pages::add);
        assertThat(pages).containsExactly(25, 26, 27, 28, 29, 30, 31, 32, 33, 34);
        pages.clear();
        // the wrap: 8 s later it has gone 80 further, 105 to 114 modulo 100
        sweep.start(memory, 1).write(8, 9, pages::add);
        assertThat(pages).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void phaseOutsideTheArray_isRefusedNamingTheField() {
        assertThatThrownBy(() -> new SweepWrites(ByteSize.ofMiB(1), PAGE, 10, OptionalDouble.of(1)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("writer-phase");
    }

    @Test
    void anUnknownPhase_givesTheRunAtTheMedianTotalTimeOfTheEvenlySpacedPhases() {
        PageLevelSimulator sim = new PageLevelSimulator();
        List<MigrationResult> runs = new ArrayList<>();
        for (int i = 0; i < SweepWrites.MEDIAN_PHASES; i++) {
            runs.add(sim.migrate(multifd(OptionalDouble.of((double) i / SweepWrites.MEDIAN_PHASES))));
        }
        List<Double> times = runs.stream().map(r -> r.timing().totalTimeMs()).sorted().toList();
        // the phase matters here, or the median would say nothing
        assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThan(300);

        MigrationResult median = sim.migrate(multifd(OptionalDouble.empty()));
        assertThat(median.timing().totalTimeMs()).isEqualTo(times.get(SweepWrites.MEDIAN_PHASES / 2));
        MigrationResult same = runs.stream().filter(r -> r.timing().totalTimeMs() == median.timing().totalTimeMs())
                .findFirst().orElseThrow();
        // a whole run: its bytes and downtime are the median run's own
        assertThat(median.traffic().bytesTransferred()).isEqualTo(same.traffic().bytesTransferred());
        assertThat(median.timing().downtimeMs()).isEqualTo(same.timing().downtimeMs());
    }

    @Test
    void aWriterWithoutACycle_hasNoPhaseAndRunsOnce() {
        UniformWrites uniform = new UniformWrites(100);
        assertThat(uniform.phaseUnknown()).isFalse();
        assertThat(uniform.atPhase(0.5)).isSameAs(uniform);
        assertThat(new PacedWrites(new SweepWrites(ByteSize.ofMiB(1), PAGE, 10).phaseNotKnown(),
                Duration.ZERO).phaseUnknown()).isTrue();
    }
}
