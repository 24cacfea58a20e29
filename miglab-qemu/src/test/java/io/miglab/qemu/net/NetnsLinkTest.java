package io.miglab.qemu.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.unit.DataRate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The namespaces, veth, qdisc and nftables table of a {@link NetnsLink}, made and removed; no QEMU. */
class NetnsLinkTest {
    // Guards against a link whose rate limit, addresses or loss rule are not where the migration goes, and against
    // leftovers after close.
    @Test
    void aLinkHasItsRateLimitAndLossRuleAndLeavesNothingWhenClosed() {
        String a;
        String b;
        try (NetnsLink link = NetnsLink.create(DataRate.ofMiBps(40))) {
            a = link.namespaceA();
            b = link.namespaceB();
            assertThat(NetnsLink.miglabNamespaces()).contains(a, b);
            String qdisc = HostCommand.run(List.of("tc", "-n", a, "qdisc", "show", "dev", NetnsLink.DEVICE_A));
            assertThat(qdisc).contains("tbf").contains("rate 335544Kbit");
            assertThat(HostCommand.run(List.of("ip", "-n", b, "addr", "show", NetnsLink.DEVICE_B)))
                    .contains(NetnsLink.ADDRESS_B + "/30");
            link.changeRate(DataRate.ofMiBps(10));
            assertThat(HostCommand.run(List.of("tc", "-n", a, "qdisc", "show", "dev", NetnsLink.DEVICE_A)))
                    .contains("rate 83886Kbit");
            link.dropPerMille(10);
            assertThat(link.lossRules()).contains("numgen random mod 1000 < 10").contains("drop");
            link.dropPerMille(0);
            assertThat(link.lossRules()).doesNotContain("numgen");
        }
        assertThat(NetnsLink.miglabNamespaces()).doesNotContain(a, b);
    }

    // Guards against namespaces of a killed run staying forever: the next start removes those of dead owners only.
    @Test
    void theNamespacesOfADeadOwnerAreSweptAndThoseOfALiveOneAreKept() {
        long dead = ProcessHandle.current().pid() + 1_000_000; // above pid_max's default: never a live process
        String leftover = NetnsLink.PREFIX + dead + "-0-a";
        HostCommand.run(List.of("ip", "netns", "add", leftover));
        try (NetnsLink live = NetnsLink.create(DataRate.ofMiBps(40))) {
            assertThat(NetnsLink.miglabNamespaces()).doesNotContain(leftover).contains(live.namespaceA());
            assertThat(NetnsLink.sweepLeftovers()).isEmpty();
            assertThat(NetnsLink.miglabNamespaces()).contains(live.namespaceA());
        } finally {
            HostCommand.attempt(List.of("ip", "netns", "del", leftover));
        }
    }

    // Guards against a token bucket that cannot pass a GSO super-packet or queues too little for TCP.
    @Test
    void theBucketHoldsASuperPacketAndTheQueueTwoBuckets() {
        for (double mibps : new double[] {1, 10, 40, 400}) {
            TbfShape s = TbfShape.forRate(DataRate.ofMiBps(mibps));
            assertThat(s.burstBytes()).isGreaterThanOrEqualTo(64 * 1024);
            assertThat(s.latencyMs() / 1000.0 * s.rate().bytesPerSecond()).isGreaterThanOrEqualTo(2.0 * s.burstBytes());
        }
    }
}
