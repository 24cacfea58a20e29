package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.Announce;
import io.miglab.core.spec.FirstPages;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The destination's slower take of pages it has never received at a switch-over (core.spec.FirstPages): the tail
 * of a first pass that QEMU's mid-pass check cut goes at the first-page rate beyond the sockets' buffer, and a
 * switch-over after a whole pass, whose pages all went before, is not touched.
 */
class FirstPagesTest {
    private static final double MIB = ByteSize.MIB;
    private static final FirstPages SLOW = new FirstPages(Optional.of(DataRate.ofMiBps(250)), ByteSize.ofMiB(4));

    // Guards against the formula: 20 MiB of first pages, 4 MiB of buffer, 250 against 1,000 MiB/s: 16 MiB x
    // (1/250 - 1/1000) s/MiB = 48 ms; within the buffer, with no rate or a rate above the switch-over's, nothing.
    @Test
    void theBytesBeyondTheBufferGoAtTheFirstPageRate() {
        assertThat(SLOW.extraSeconds(20 * MIB, 1000 * MIB)).isCloseTo(0.048, within(1e-12));
        assertThat(SLOW.extraSeconds(4 * MIB, 1000 * MIB)).isZero();
        assertThat(FirstPages.none().extraSeconds(20 * MIB, 1000 * MIB)).isZero();
        assertThat(SLOW.extraSeconds(20 * MIB, 200 * MIB)).isZero();
    }

    private static MigrationSpec guest(FirstPages first, TerminationPolicy policy) {
        Overheads o = new Overheads(Duration.ZERO, Duration.ofMillis(1), ByteSize.ofKiB(100), Duration.ZERO,
                Announce.none(), Duration.ZERO, ResumeFaults.none(), Duration.ZERO,
                Optional.of(DataRate.ofMiBps(1000)), first);
        MigrationSpec spec = Specs.idle("256MiB", "1000MiB/s")
                .withLink(new Link(DataRate.ofMiBps(1000), Duration.ZERO, Optional.of(DataRate.ofMiBps(100))))
                .withPolicy(policy).withOverheads(o);
        return spec.withMemory(spec.memory().withZeroPageShare(0));
    }

    // Guards against the first pages being ignored, or counted when they are not new: an idle 256 MiB guest of data
    // pages at a 100 MiB/s cap with QEMU's mid-pass check (300 ms: what is unsent must fit 30 MiB) stops with the
    // first pass's tail unsent; its downtime grows by exactly extraSeconds of that tail (the stop-copy bytes less
    // the device state: the idle guest dirties nothing). Without the mid-pass check the pass goes whole and the
    // switch-over sends only the device state: the first-page rate changes nothing.
    @Test
    void aFirstPassTailGoesSlower_aWholePassDoesNot() {
        TerminationPolicy midPass = TerminationPolicy.qemu().withMidPassCheck();
        MigrationResult fast = new PageLevelSimulator().migrate(guest(FirstPages.none(), midPass));
        MigrationResult slow = new PageLevelSimulator().migrate(guest(SLOW, midPass));
        double tail = fast.traffic().stopCopyBytes() - ByteSize.ofKiB(100).bytes();
        double dataPages = tail / (4096 + 8);
        assertThat(dataPages).isGreaterThan(4 * MIB / 4096);
        assertThat(slow.timing().downtimeMs() - fast.timing().downtimeMs())
                .isCloseTo(1000 * SLOW.extraSeconds(Math.round(dataPages) * 4096.0, 1000 * MIB), within(1e-6));
        MigrationResult whole = new PageLevelSimulator().migrate(guest(FirstPages.none(), TerminationPolicy.qemu()));
        MigrationResult wholeSlow = new PageLevelSimulator().migrate(guest(SLOW, TerminationPolicy.qemu()));
        assertThat(wholeSlow.timing().downtimeMs()).isEqualTo(whole.timing().downtimeMs());
    }
}
