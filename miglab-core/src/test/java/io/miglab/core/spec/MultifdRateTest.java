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

    // Keeps away multifd running at the cap: each 100 ms period also sends half a 512 KiB packet per channel.
    @Test
    void channels_addHalfAPacketPerChannelPerPeriod_toTheCap() {
        for (int channels : new int[] {1, 2, 4, 8}) {
            double rate = Optimisations.defaults().withMultifdChannels(channels).precopyRate(CAPPED).bytesPerSecond();
            assertThat(rate / DataRate.ofMiBps(1).bytesPerSecond()).isCloseTo(20 + channels * 0.5 * 0.5 / 0.1,
                    within(1e-9));
        }
        assertThat(Optimisations.defaults().precopyRate(CAPPED).bytesPerSecond())
                .isEqualTo(DataRate.ofMiBps(20).bytesPerSecond());
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
}
