package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.MigrationBackend;
import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.link.NasAssist;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Traffic;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.Raid5;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WorkingSetWrites;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NAS-assisted pre-copy in the page-level simulator and the closed form. */
class NasAssistTest {
    private static final List<MigrationBackend> ENGINES = List.of(new PageLevelSimulator(), new ClosedFormPredictor());

    private static NasAssist nas(String links, String disk) {
        Link l = Link.of(DataRate.parse("nas", links));
        return new NasAssist(l, l, new Raid5(4, Raid5.DEFAULT_STRIPE_UNIT, DataRate.parse("nas-disk-rate", disk)));
    }

    /** A busy guest: 64 MiB hot set written at 20000 pages/s (78 MiB/s) in a 512 MiB guest. */
    private static MigrationSpec busy(String bandwidth) {
        MigrationSpec s = Specs.idle("512M", bandwidth);
        return s.withWriteModel(new WorkingSetWrites(ByteSize.ofMiB(64), Specs.PAGE, 20_000, 0));
    }

    /**
     * Guards against a NAS that costs something when it should not: an idle guest has no later rounds, so the
     * destination fetches nothing from the NAS, and with NAS links and disks far faster than the source->destination
     * link nothing changes but the NAS's copy.
     */
    @Test
    void fastNasAndNoLaterRounds_sameAsPlainPreCopy() {
        for (MigrationBackend engine : ENGINES) {
            MigrationSpec plain = Specs.idle("256M", "100MiB/s");
            MigrationResult p = engine.migrate(plain);
            MigrationResult n = engine.migrate(plain.withNas(Optional.of(nas("1000GiB/s", "1000GiB/s"))));
            assertThat(n.timing().totalTimeMs()).as(engine.name()).isEqualTo(p.timing().totalTimeMs());
            assertThat(n.timing().downtimeMs()).as(engine.name()).isEqualTo(p.timing().downtimeMs());
            assertThat(n.traffic().sourceToDestinationBytes()).as(engine.name())
                    .isEqualTo(p.traffic().sourceToDestinationBytes()).isEqualTo(p.traffic().bytesTransferred());
            assertThat(n.traffic().nasToDestinationBytes()).as(engine.name()).isZero();
            // the NAS took a copy of all of it: the first pass and the device state
            assertThat(n.traffic().sourceToNasBytes()).as(engine.name()).isEqualTo(p.traffic().bytesTransferred());
        }
    }

    /** Guards against bytes counted on no link or on two: by link and by phase they add up to the total. */
    @Test
    void perLinkBytesAddUp() {
        for (MigrationBackend engine : ENGINES) {
            MigrationResult r = engine.migrate(busy("20MiB/s").withNas(Optional.of(nas("1GiB/s", "500MB/s"))));
            Traffic t = r.traffic();
            assertThat(t.nasToDestinationBytes()).as(engine.name()).isPositive();
            assertThat(t.sourceToDestinationBytes() + t.sourceToNasBytes() + t.nasToDestinationBytes())
                    .as(engine.name()).isEqualTo(t.bytesTransferred());
            assertThat(t.precopyBytes() + t.stopCopyBytes() + t.postcopyBytes()).as(engine.name())
                    .isEqualTo(t.bytesTransferred());
            // every relayed byte went in and came out of the NAS; the NAS also holds the first pass
            assertThat(t.sourceToNasBytes()).as(engine.name()).isGreaterThan(t.nasToDestinationBytes());
        }
    }

    /**
     * The seed's case for a NAS: a slow source->destination link cannot keep up with a busy guest (pre-copy never
     * converges and is cancelled at the timeout), while rounds through fast NAS links are short enough to converge.
     */
    @Test
    void slowDirectLinkFastNas_convergesWherePlainDoesNot() {
        MigrationSpec plain = busy("20MiB/s");
        MigrationResult p = new PageLevelSimulator().migrate(plain);
        MigrationResult n = new PageLevelSimulator().migrate(plain.withNas(Optional.of(nas("10GiB/s", "2GB/s"))));
        assertThat(p.outcome().completed()).isFalse();
        assertThat(n.outcome().completed()).isTrue();
        assertThat(n.timing().downtimeMs()).isLessThan(300);
    }

    /** Guards against the RAID's penalty left out: the same relay with slow disks takes longer. */
    @Test
    void slowRaidDisks_slowTheRelayedRounds() {
        MigrationSpec s = busy("20MiB/s").withPolicy(Specs.fixedRounds(3));
        MigrationResult fast = new PageLevelSimulator().migrate(s.withNas(Optional.of(nas("10GiB/s", "10GB/s"))));
        MigrationResult slow = new PageLevelSimulator().migrate(s.withNas(Optional.of(nas("10GiB/s", "20MB/s"))));
        double round1Fast = fast.rounds().get(1).durationMs(), round1Slow = slow.rounds().get(1).durationMs();
        assertThat(round1Slow).isGreaterThan(round1Fast * 10);
        // round 1 relays the whole 64 MiB hot set (dirtied during the 25.6 s first pass), pages in a row: 42 whole
        // 1.5 MiB stripes (2 MiB of disk writes each, 4/3) and 1 MiB of the 43rd as small writes (4x), read back
        // (16384 x 4104 B), over 4 disks of 20 MB/s: (84 MiB + 4 MiB + 67239936 B) / 80e6 B/s = 1.9939328 s
        assertThat(slow.rounds().get(1).pages()).isEqualTo(16_384);
        assertThat(round1Slow / 1000).isCloseTo((88.0 * (1 << 20) + 16_384 * 4104.0) / 80e6,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ByteSize.ofBytes(slow.traffic().nasToDestinationBytes()).bytes()).isPositive();
    }
}
