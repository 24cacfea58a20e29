package io.miglab.libvirt.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.local.LocalHosts;
import io.miglab.libvirt.testing.RealLibvirt;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real migrations of miglab's guest between two local libvirt daemons. */
class LibvirtMigrationTest {
    private static LocalHosts hosts;

    @BeforeAll
    static void start() {
        hosts = RealLibvirt.hosts(2);
    }

    @AfterAll
    static void stop() {
        if (hosts != null) hosts.close();
    }

    static LibvirtOptions options() {
        return LibvirtOptions.between(hosts.daemon(0).uri(), hosts.daemon(1).uri())
                .withSerialFolder(hosts.guestFolder()).withListenAddress("127.0.0.1");
    }

    static MigrationSpec spec(double mibps, int dirtyPagesPerSecond) {
        return MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(mibps))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(64), 4096, dirtyPagesPerSecond));
    }

    // Guards against a migration reported complete whose guest did not continue on the destination (a restarted
    // guest would count its heartbeat from 0), and against libvirt's figures landing in the wrong fields.
    @Test
    void theGuestMigrates_andItsHeartbeatContinuesOnTheDestination() {
        LibvirtRun run = new LibvirtBackend(options()).run(spec(100, 5000));
        MigrationResult r = run.result();
        assertThat(run.error()).isEmpty();
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.DOWNTIME_LIMIT_MET);
        assertThat(run.sourceState()).isEqualTo("gone");
        assertThat(run.destinationState()).isEqualTo("running");
        assertThat(run.heartbeat()).hasValueSatisfying(h -> {
            assertThat(h.counterContinued()).isTrue();
            assertThat(h.beatsAfter()).isGreaterThan(5);
        });
        // the guest's non-zero memory (about 64 MiB of array plus the kernel) and then some, at most 3x the RAM
        assertThat(r.traffic().bytesTransferred()).isBetween(64L << 20, 768L << 20);
        assertThat(r.timing().downtimeMs()).isGreaterThan(0).isLessThan(r.timing().totalTimeMs());
        assertThat(r.roundCount()).isGreaterThanOrEqualTo(1);
    }

    // Guards the "result, not an exception" rule and the promise of the qemu policy: a job that cannot converge
    // (50,000 pages/s against 10 MiB/s) is aborted at its 4 s limit and the guest still runs on the source.
    @Test
    void aJobThatCannotConverge_isAbortedAtTheTimeout_andTheGuestStaysOnTheSource() {
        MigrationSpec spec = spec(10, 50_000).withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300),
                Duration.ofSeconds(4)));
        LibvirtRun run = new LibvirtBackend(options()).run(spec);
        assertThat(run.result().outcome().completed()).isFalse();
        assertThat(run.result().outcome().stopReason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(run.sourceState()).isEqualTo("running");
        assertThat(run.destinationState()).isEqualTo("gone");
        assertThat(run.error()).isPresent();
    }

    // Guards the bad-input path: a domain that is not on the source and a destination that does not answer are
    // one line naming the flag, before anything moves.
    @Test
    void aMissingDomainOrARefusingDestination_isBadInput() {
        assertThatThrownBy(() -> new LibvirtBackend(options().withDomain("no-such-vm")).run(spec(100, 0)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("domain")
                .hasMessageContaining("no-such-vm");
        LibvirtOptions refusing = LibvirtOptions.between(hosts.daemon(0).uri(),
                "qemu+unix:///session?socket=" + hosts.folder().resolve("nobody-listens"));
        assertThatThrownBy(() -> new LibvirtBackend(refusing).run(spec(100, 0)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("destination");
    }
}
