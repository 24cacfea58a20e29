package io.miglab.datacenter.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.Announce;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rate-based model's switch-over has the same parts as the page-level simulator's (MigrationSpec
 * .switchOverWorkSeconds, switchOverBandwidth): the cases of core's SwitchOverDowntimeTest, computed by hand.
 */
class RateSwitchOverTest {
    private static final Link LINK = new Link(DataRate.ofMiBps(1000), Duration.ZERO,
            Optional.of(DataRate.ofMiBps(10)));
    private static final Overheads OVERHEADS = new Overheads(Duration.ZERO, Duration.ofMillis(2), ByteSize.ofMiB(1),
            Duration.ofMillis(4), Announce.none(), Duration.ZERO, ResumeFaults.none(), Duration.ofNanos(1_000),
            Optional.of(DataRate.ofMiBps(100)));

    private static double downtimeMs(MigrationSpec spec) {
        MigrationResult r = new RateBasedBackend().migrate(spec);
        assertThat(r.outcome().completed()).isTrue();
        return r.timing().downtimeMs();
    }

    // Guards against the paused rate or the last sync being left out of the datacenter's switch-over: an idle
    // 1 GiB guest after one round sends its 1 MiB of device state at 100 MiB/s (10 ms, below the link's 1000) after
    // 4 ms of sync, then 2 ms of resume: 16 ms.
    @Test
    void theSwitchOverAfterARoundGoesAtThePausedRate() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofGiB(1), DataRate.ofMiBps(1000)).withLink(LINK)
                .withPolicy(new TerminationPolicy("fixed", List.of(new StopCondition.MaxRounds(1)),
                        TerminationPolicy.LimitAction.STOP_AND_COPY))
                .withOverheads(OVERHEADS);
        assertThat(downtimeMs(spec)).isCloseTo(16, within(0.01));
    }

    // Guards against the zero-page checks being left out: a stop-and-copy of 64 MiB of zero pages at the cap
    // (no round before it): 0.25 ms of sync + 16,384 x 1 us + (16,384 x 9 B + 1 MiB) at 10 MiB/s + 2 ms =
    // 132.6965 ms.
    @Test
    void aStopAndCopyOfZeroPagesPaysForEachCheck() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(1000)).withLink(LINK)
                .withAlgorithm("stop-and-copy").withOverheads(OVERHEADS);
        spec = spec.withMemory(spec.memory().withZeroPageShare(1));
        assertThat(downtimeMs(spec)).isCloseTo(132.6965, within(0.01));
    }
}
