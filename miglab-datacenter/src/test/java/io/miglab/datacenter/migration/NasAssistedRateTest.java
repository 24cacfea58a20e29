package io.miglab.datacenter.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.link.Link;
import io.miglab.core.link.NasAssist;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.Raid5;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.UniformWrites;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * NAS-assisted pre-copy in the rate-based model: 64 MiB at 100 MiB/s straight. Identity of the model: the NAS
 * takes a copy of every straight byte (first pass and stop-and-copy) and relays every later round, so bytes into
 * the NAS = bytes out of it + bytes straight to the destination, and bytes out of the source (straight + to the
 * NAS) = bytes into the destination (straight + from the NAS) + the NAS's copy.
 */
class NasAssistedRateTest {
    private static final double FAST = 1e15;

    static MigrationSpec spec(double dirtyPagesPerSecond) {
        return MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withWriteModel(new UniformWrites(dirtyPagesPerSecond))
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(1), Optional.empty()))
                .withSeed(7);
    }

    static NasAssist nas(double linkBytesPerSecond, double diskBytesPerSecond) {
        Link l = new Link(DataRate.ofBytesPerSecond(linkBytesPerSecond), Duration.ZERO, Optional.empty());
        return new NasAssist(l, l, new Raid5(4, Raid5.DEFAULT_STRIPE_UNIT,
                DataRate.ofBytesPerSecond(diskBytesPerSecond)));
    }

    @Test
    void withInfinitelyFastNasLinksAndNothingFetchedItIsPlainPreCopy() {
        MigrationSpec plain = spec(0);
        MigrationResult p = new RateBasedBackend().migrate(plain);
        MigrationResult n = new RateBasedBackend().migrate(plain.withNas(Optional.of(nas(FAST, FAST))));
        assertThat(n.traffic().nasToDestinationBytes()).isZero();
        assertThat(n.traffic().sourceToDestinationBytes()).isEqualTo(p.traffic().sourceToDestinationBytes());
        assertThat(n.traffic().sourceToNasBytes()).isEqualTo(p.traffic().bytesTransferred());
        assertThat(n.timing().totalTimeMs()).isCloseTo(p.timing().totalTimeMs(), offset(1e-6));
        assertThat(n.timing().downtimeMs()).isCloseTo(p.timing().downtimeMs(), offset(1e-6));
        assertThat(n.rounds()).hasSameSizeAs(p.rounds());
    }

    @Test
    void perLinkBytesAddUp() {
        MigrationResult r = new RateBasedBackend().migrate(spec(20_000).withNas(Optional.of(nas(1e9, 1e9))));
        var t = r.traffic();
        assertThat(r.rounds().size()).isGreaterThan(1);
        long relayed = r.rounds().stream().filter(s -> s.round() >= 1).mapToLong(RoundStats::bytes).sum();
        assertThat(t.nasToDestinationBytes()).isPositive();
        assertThat((double) t.nasToDestinationBytes()).isCloseTo(relayed, offset(r.rounds().size() + 1.0));
        assertThat(t.sourceToNasBytes()).isCloseTo(t.nasToDestinationBytes() + t.sourceToDestinationBytes(),
                within(2L));
        assertThat(t.sourceLinkBytes()).isCloseTo(t.sourceToDestinationBytes() + t.nasToDestinationBytes()
                + t.sourceToDestinationBytes(), within(2L));
        assertThat(t.bytesTransferred()).isCloseTo(t.sourceToDestinationBytes() + t.sourceToNasBytes()
                + t.nasToDestinationBytes(), within(2L));
    }

    @Test
    void twoMigrationsShareTheNasLinkFairly() {
        double nasLink = 20e6; // the bottleneck: 20 MB/s against 100 MiB/s straight links and 1e15 B/s disks
        MigrationSpec s = spec(0);
        Simulator sim = new Simulator(1);
        Network net = new Network(sim);
        NasNode nas = NasNode.of("nas", nasLink, nasLink, new Raid5(4, Raid5.DEFAULT_STRIPE_UNIT,
                DataRate.ofBytesPerSecond(FAST)), true);
        RateMigration[] m = new RateMigration[2];
        for (int i = 0; i < 2; i++) {
            m[i] = new RateMigration(sim, net, List.of(new NetworkLink("link" + i, s.link().bandwidth()
                    .bytesPerSecond())), nas, s, AlgorithmRegistry.standard().create(s.algorithm()), null, null, "t");
            m[i].start();
        }
        sim.run();
        double sync = s.overheads().syncPerGiB().toNanos() / 1e9 * s.memory().bytes() / (1024.0 * 1024 * 1024);
        for (RateMigration r : m) {
            RoundStats first = r.result().rounds().get(0);
            // the NAS's copy sets the first pass's pace: each copy flow gets half the NAS's port
            assertThat(first.durationMs() / 1000).isCloseTo(first.bytes() / (nasLink / 2) + sync, offset(1e-6));
        }
        // alone on a NAS with half the port, one migration takes just as long
        MigrationResult alone = new RateBasedBackend().migrate(s.withNas(Optional.of(nas(nasLink / 2, FAST))));
        assertThat(m[0].result().timing().totalTimeMs()).isCloseTo(alone.timing().totalTimeMs(), offset(1e-6));
        assertThat(m[1].result().timing().totalTimeMs()).isCloseTo(alone.timing().totalTimeMs(), offset(1e-6));
    }
}
