package io.miglab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.link.Link;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pre-copy rate with multifd channels (multifd.c: a packet is charged to the rate limit once written). */
class MultifdRateTest {
    private static final Link CAPPED = new Link(DataRate.ofMiBps(575), Duration.ZERO,
            Optional.of(DataRate.ofMiBps(20)));

    // Keeps away multifd running at the cap: each 100 ms period also sends the packets the channels hold when the
    // budget trips, (channels + 1) / 2 of 512 KiB on average. By hand at 20 MiB/s: 2 channels hold 1.5 packets =
    // 0.75 MiB per 100 ms, 27.5 MiB/s; 4 channels 2.5 packets, 32.5 MiB/s; 1 channel 1 packet, 25 MiB/s.
    @Test
    void channels_addTheirUnchargedPacketsPerPeriod_toTheCap() {
        double[][] byHand = {{1, 25}, {2, 27.5}, {4, 32.5}, {8, 42.5}};
        for (double[] c : byHand) {
            double rate = Optimisations.defaults().withMultifdChannels((int) c[0]).precopyRate(CAPPED)
                    .bytesPerSecond();
            assertThat(rate / DataRate.ofMiBps(1).bytesPerSecond()).as("%s channels", c[0]).isCloseTo(c[1],
                    within(1e-9));
        }
        assertThat(Optimisations.defaults().precopyRate(CAPPED).bytesPerSecond())
                .isEqualTo(DataRate.ofMiBps(20).bytesPerSecond());
        assertThat(Optimisations.defaults().multifdUnchargedPackets()).isZero();
    }

    // Keeps away multifd beating the link: without a binding cap, or when the extra would pass the link, the link.
    @Test
    void theLink_boundsTheRate() {
        Link uncapped = Link.of(DataRate.ofMiBps(100));
        assertThat(Optimisations.defaults().withMultifdChannels(4).precopyRate(uncapped).bytesPerSecond())
                .isEqualTo(DataRate.ofMiBps(100).bytesPerSecond());
        Link tight = new Link(DataRate.ofMiBps(22), Duration.ZERO, Optional.of(DataRate.ofMiBps(20)));
        assertThat(Optimisations.defaults().withMultifdChannels(4).precopyRate(tight).bytesPerSecond())
                .isEqualTo(DataRate.ofMiBps(22).bytesPerSecond());
    }

    // Keeps the switch-over threshold at a period that carried every channel's packet: by hand at 20 MiB/s with 4
    // channels, 20 + 4 x 5 = 40 MiB/s against the mean 32.5, with 2 channels 30 against 27.5; 1 without multifd or
    // a binding cap, and never past the link.
    @Test
    void theThreshold_countsEveryChannelsPacket() {
        assertThat(Optimisations.defaults().withMultifdChannels(4).thresholdRateFactor(CAPPED))
                .isCloseTo(40 / 32.5, within(1e-9));
        assertThat(Optimisations.defaults().withMultifdChannels(2).thresholdRateFactor(CAPPED))
                .isCloseTo(30 / 27.5, within(1e-9));
        assertThat(Optimisations.defaults().thresholdRateFactor(CAPPED)).isEqualTo(1);
        assertThat(Optimisations.defaults().withMultifdChannels(4).thresholdRateFactor(Link.of(DataRate.ofMiBps(100))))
                .isEqualTo(1);
        Link tight = new Link(DataRate.ofMiBps(34), Duration.ZERO, Optional.of(DataRate.ofMiBps(20)));
        assertThat(Optimisations.defaults().withMultifdChannels(4).thresholdRateFactor(tight))
                .isCloseTo(34 / 32.5, within(1e-9));
    }
}
