package io.miglab.qemu.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.launch.QemuReaper;
import io.miglab.qemu.migrate.MemoryComparator;
import io.miglab.qemu.migrate.QemuRunOptions;
import io.miglab.qemu.testing.RealQemu;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real migrations between network namespaces over a tbf-limited veth: small idle guests (128 MiB), QEMU's own cap
 * far above the link so that the token bucket decides.
 */
@Tag("qemu")
class SharedLinkRunTest {
    private static final MigrationSpec SPEC = MigrationSpec.of(ByteSize.ofMiB(128), DataRate.ofMiBps(1024));

    // Guards against concurrent migrations that do not share the link (bytes elsewhere), that lose the guest, or
    // that leave namespaces or QEMUs behind.
    @Test
    void twoMigrationsAtOnceOverOneLinkBothCompleteAndTheLinkCarriedTheirBytes() {
        String a;
        SharedLinkRun.Outcome outcome;
        try (NetnsLink link = NetnsLink.create(DataRate.ofMiBps(40))) {
            a = link.namespaceA();
            outcome = new SharedLinkRun(link, RealQemu.launcher(), QemuRunOptions.defaults())
                    .run(List.of(SPEC, SPEC), 2, Optional.empty());
        }
        assertThat(outcome.members()).hasSize(2);
        for (SharedLinkRun.Member m : outcome.members()) {
            assertThat(m.run().result().outcome().completed()).isTrue();
            assertThat(m.run().counterContinued()).isTrue();
        }
        // each QEMU byte crossed the veth once, plus TCP/IP headers (about 3 % at 1500-byte packets)
        long sent = outcome.migrationBytes();
        assertThat(outcome.linkBytes()).isGreaterThanOrEqualTo(sent).isLessThan((long) (sent * 1.10) + (1 << 20));
        // both ran at once: the second started before the first ended
        double firstEnd = outcome.members().get(0).startMs()
                + outcome.members().get(0).run().result().timing().totalTimeMs();
        assertThat(outcome.members().get(1).startMs()).isLessThan(firstEnd);
        assertThat(NetnsLink.miglabNamespaces()).doesNotContain(a);
        assertThat(QemuReaper.live()).isEmpty();
        assertThat(RealQemu.processesWith("ip netns exec " + a)).isEmpty();
    }

    // Guards against a lossy link corrupting guest memory: TCP retransmits what nftables dropped, so the RAM that
    // arrives is the RAM that left.
    @Test
    void aMigrationOverALinkThatDropsOnePercentArrivesWithTheSameRam() {
        SharedLinkRun.Outcome outcome;
        String lossRules;
        try (NetnsLink link = NetnsLink.create(DataRate.ofMiBps(40))) {
            link.dropPerMille(10);
            outcome = new SharedLinkRun(link, RealQemu.launcher(), QemuRunOptions.defaults().withMemoryCheck(true))
                    .run(List.of(SPEC), 1, Optional.empty());
            lossRules = link.lossRules();
        }
        assertThat(lossRules).containsPattern("packets [1-9][0-9]* bytes");
        SharedLinkRun.Member m = outcome.members().get(0);
        assertThat(m.run().result().outcome().completed()).isTrue();
        MemoryComparator.Difference diff = m.run().memory().orElseThrow();
        assertThat(diff.pagesCompared()).isEqualTo(ByteSize.ofMiB(128).bytes() / 4096);
        assertThat(diff.differingPages()).isZero();
        assertThat(m.run().counterContinued()).isTrue();
        assertThat(QemuReaper.live()).isEmpty();
    }
}
