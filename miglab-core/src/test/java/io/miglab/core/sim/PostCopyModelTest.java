package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The post-copy phase against closed forms: its own cap, the destination's placement of each page, demand faults
 * with and without postcopy-preempt, the guest's pause, and a hybrid's switch after a set time.
 */
class PostCopyModelTest {
    private static final int PAGE = 4096;
    private static final long WIRE = PAGE + Optimisations.PAGE_HEADER_BYTES;
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** 256 MiB, a quarter of it in use, over a 1 GiB/s link capped at 10 MiB/s in pre-copy. */
    private static MigrationSpec idle(Optional<DataRate> postCopyCap, Duration placement) {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(1024))
                .withMemory(GuestMemory.of(ByteSize.ofMiB(256)).withZeroPageShare(0.75))
                .withLink(new Link(DataRate.ofMiBps(1024), Duration.ZERO, Optional.of(DataRate.ofMiBps(10)),
                        postCopyCap))
                .withAlgorithm("postcopy");
        return spec.withOverheads(new Overheads(Duration.ZERO, Duration.ofMillis(1), ByteSize.ofKiB(100),
                Duration.ZERO).withPostCopyPlacement(placement));
    }

    private static double bytes(MigrationResult r) {
        return r.traffic().bytesTransferred();
    }

    // Guards the post-copy cap: uncapped (QEMU's default) the push runs at the link's rate, not max-bandwidth's;
    // bytes are the used RAM in full pages and the rest as headers, each page once.
    @Test
    void idleGuest_uncapped_pushesUsedRamOnceAtTheLinksRate() {
        MigrationResult r = sim.migrate(idle(Optional.empty(), Duration.ZERO));
        long pages = ByteSize.ofMiB(256).bytes() / PAGE;
        double used = r.traffic().pagesTransferred() - r.traffic().zeroPages();
        assertThat(used).isCloseTo(pages * 0.25, within(pages * 0.01));
        double push = used * WIRE + r.traffic().zeroPages() * Optimisations.defaults().zeroPageBytes();
        assertThat(bytes(r)).isCloseTo(push + 100 * 1024, within(1.0));
        double switchOver = 100 * 1024 / (1024.0 * ByteSize.MIB) + 0.001;
        assertThat(r.timing().totalTimeMs() / 1000).isCloseTo(push / (1024.0 * ByteSize.MIB) + switchOver,
                within(0.002));
        assertThat(r.timing().downtimeMs() / 1000).isCloseTo(switchOver, within(1e-6));
    }

    // Guards max-postcopy-bandwidth: capped, the push takes bytes / cap.
    @Test
    void idleGuest_capped_pushesAtTheCap() {
        MigrationResult r = sim.migrate(idle(Optional.of(DataRate.ofMiBps(20)), Duration.ZERO));
        double push = bytes(r) - 100 * 1024;
        assertThat(r.timing().totalTimeMs() / 1000).isCloseTo(push / (20.0 * ByteSize.MIB), within(0.01));
    }

    // Guards the destination's placement: one thread reads each page off the stream and then places it, a zero page
    // with an ioctl of its own; uncapped, the push takes the bytes at the link's rate plus zero pages x placement
    // (not the slower of the two), and the same bytes go.
    @Test
    void placementCost_addsToTheUncappedPush() {
        MigrationResult free = sim.migrate(idle(Optional.empty(), Duration.ZERO));
        MigrationResult placed = sim.migrate(idle(Optional.empty(), Duration.ofNanos(20_000)));
        double push = (bytes(free) - 100 * 1024) / (1024.0 * ByteSize.MIB);
        double zero = placed.traffic().zeroPages();
        assertThat(zero).isGreaterThan(ByteSize.ofMiB(256).bytes() / PAGE / 2);
        assertThat(placed.timing().totalTimeMs() / 1000).isCloseTo(push + zero * 20e-6 + 0.0011, within(0.002));
        assertThat(bytes(placed)).isEqualTo(bytes(free));
        // the closed form has the same rule (MigrationSpec.postCopyPushSeconds)
        MigrationResult closed = new ClosedFormPredictor().migrate(idle(Optional.empty(), Duration.ofNanos(20_000)));
        assertThat(closed.timing().totalTimeMs()).isCloseTo(placed.timing().totalTimeMs(), within(5.0));
        // under a cap the destination's work hides behind the wire
        MigrationSpec capped = idle(Optional.of(DataRate.ofMiBps(10)), Duration.ofNanos(20_000));
        assertThat(capped.postCopyPushSeconds(64 * ByteSize.MIB, 49_152))
                .isCloseTo(64 / 10.0, within(1e-9));
    }

    private static MigrationSpec writing(boolean preempt) {
        return idle(Optional.of(DataRate.ofMiBps(20)), Duration.ZERO)
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(64), PAGE, 5000))
                .withPostCopy(PostCopyOptions.defaults().withPreempt(preempt));
    }

    // Guards postcopy-preempt: demand pages go beside the capped push (so the whole migration takes less than its
    // bytes at the cap), and the push does not follow the faults (so the sweep faults on most pages it writes before
    // they arrive); without it every byte goes through the cap, the push continues after each faulted page, and the
    // sweep, slower than the push, faults only a few times.
    @Test
    void preempt_sendsDemandPagesBesideTheCap() {
        MigrationResult plain = sim.migrate(writing(false));
        MigrationResult preempt = sim.migrate(writing(true));
        double cap = 20.0 * ByteSize.MIB;
        assertThat(plain.timing().totalTimeMs() / 1000).isGreaterThanOrEqualTo((bytes(plain) - 100 * 1024) / cap);
        assertThat(preempt.timing().totalTimeMs() / 1000).isLessThan((bytes(preempt) - 100 * 1024) / cap);
        assertThat(preempt.guestImpact().postcopyFaults()).isGreaterThan(2 * plain.guestImpact().postcopyFaults());
        assertThat(bytes(preempt)).isEqualTo(bytes(plain));
    }

    // Guards the guest's pause: without preempt under a cap a demand page waits for the next 100 ms rate-limit
    // period once the period's budget is spent, so the guest's first faults pause it beyond the switch-over; with
    // preempt each costs a page at the link's rate.
    @Test
    void withoutPreempt_underACap_theGuestWaitsForRateLimitPeriods() {
        MigrationResult plain = sim.migrate(writing(false));
        MigrationResult preempt = sim.migrate(writing(true));
        assertThat(plain.timing().downtimeMs()).isGreaterThan(50);
        assertThat(preempt.timing().downtimeMs()).isLessThan(10);
    }

    // Guards the hybrid's switch after a set time: QEMU acts on migrate-start-postcopy in the middle of a pass, so
    // pre-copy lasts the set time, not until the end of the pass (256 MiB of used RAM at 10 MiB/s: 25 s).
    @Test
    void hybrid_switchAfter_endsThePassAtThatTime() {
        MigrationSpec spec = writing(false).withAlgorithm("hybrid")
                .withPostCopy(new PostCopyOptions(100_000, Optional.of(Duration.ofSeconds(2)), 0));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.timing().precopyTimeMs()).isCloseTo(2000, within(1.0));
        assertThat(r.traffic().postcopyBytes()).isGreaterThan(0);
    }
}
