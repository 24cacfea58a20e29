package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.Announce;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pre-copy switch-over's downtime from its parts (MigrationSpec.switchOverWorkSeconds and
 * switchOverBandwidth): the last dirty sync, the zero-page checks of what is left, the bytes at the switch-over
 * rate, half the round trip and the resume, each case computed by hand, in the page-level simulator and the
 * closed form alike.
 */
class SwitchOverDowntimeTest {
    private static final Link LINK = new Link(DataRate.ofMiBps(1000), Duration.ZERO,
            Optional.of(DataRate.ofMiBps(10)));

    /** 1 MiB of device state, 2 ms resume, 4 ms of sync per GiB, 1 us per zero page, the given paused rate. */
    private static Overheads overheads(Optional<DataRate> pausedRate) {
        return new Overheads(Duration.ZERO, Duration.ofMillis(2), ByteSize.ofMiB(1), Duration.ofMillis(4),
                Announce.none(), Duration.ZERO, ResumeFaults.none(), Duration.ofNanos(1_000), pausedRate);
    }

    private static MigrationSpec idleAfterOneRound(Optional<DataRate> pausedRate) {
        return Specs.idle("1GiB", "1000MiB/s").withLink(LINK).withPolicy(Specs.fixedRounds(1))
                .withOverheads(overheads(pausedRate));
    }

    private static double downtimeMs(MigrationSpec spec, boolean closedForm) {
        MigrationResult r = closedForm ? new ClosedFormPredictor().migrate(spec)
                : new PageLevelSimulator().migrate(spec);
        assertThat(r.outcome().completed()).isTrue();
        return r.timing().downtimeMs();
    }

    // Guards against the switch-over going at the cap or the link when the source's paused rate is lower: an idle
    // 1 GiB guest after one round sends only its 1 MiB of device state: 4 ms of sync (1 GiB x 4 ms/GiB) + 1 MiB at
    // 100 MiB/s (10 ms) + 2 ms of resume = 16 ms; without a paused rate the link's 1000 MiB/s: 4 + 1 + 2 = 7 ms.
    @Test
    void theSwitchOverGoesAtTheLowerOfTheLinkAndThePausedRate() {
        for (boolean closedForm : new boolean[] {false, true}) {
            assertThat(downtimeMs(idleAfterOneRound(Optional.of(DataRate.ofMiBps(100))), closedForm))
                    .isCloseTo(16, within(0.01));
            assertThat(downtimeMs(idleAfterOneRound(Optional.empty()), closedForm)).isCloseTo(7, within(0.01));
            // a paused rate above the link's leaves the link's
            assertThat(downtimeMs(idleAfterOneRound(Optional.of(DataRate.ofMiBps(5000))), closedForm))
                    .isCloseTo(7, within(0.01));
        }
    }

    // Guards against the zero-page checks or the last sync being left out of a stop-and-copy: 64 MiB, all zero
    // pages, no round before it (so QEMU's cap of 10 MiB/s still holds): 16,384 zero pages x 9 B = 0.140625 MiB +
    // 1 MiB of device state at 10 MiB/s = 114.0625 ms, 16,384 checks x 1 us = 16.384 ms, sync 64 MiB x 4 ms/GiB =
    // 0.25 ms, resume 2 ms: 132.6965 ms.
    @Test
    void aStopAndCopyOfZeroPagesPaysForEachCheck() {
        MigrationSpec spec = Specs.idle("64MiB", "1000MiB/s").withLink(LINK).withAlgorithm("stop-and-copy")
                .withOverheads(overheads(Optional.of(DataRate.ofMiBps(100))));
        spec = spec.withMemory(spec.memory().withZeroPageShare(1));
        for (boolean closedForm : new boolean[] {false, true}) {
            assertThat(downtimeMs(spec, closedForm)).isCloseTo(132.6965, within(0.01));
        }
    }

    // Guards against the parts being counted twice or in the wrong unit: the spec's own arithmetic, by hand.
    @Test
    void thePartsOfTheSwitchOver() {
        MigrationSpec spec = Specs.idle("2GiB", "1000MiB/s").withLink(LINK)
                .withOverheads(overheads(Optional.of(DataRate.ofMiBps(100))));
        // 2 GiB x 4 ms/GiB + 1,000 zero pages x 1 us
        assertThat(spec.switchOverWorkSeconds(1000)).isCloseTo(0.009, within(1e-12));
        assertThat(spec.switchOverBandwidth().mibPerSecond()).isCloseTo(100, within(1e-9));
        assertThat(spec.stopAndCopyBandwidth(false).mibPerSecond()).isCloseTo(10, within(1e-9));
        // sync 8 ms + 1 MiB at 100 MiB/s + resume 2 ms
        assertThat(spec.fixedSwitchOverSeconds()).isCloseTo(0.020, within(1e-12));
    }
}
