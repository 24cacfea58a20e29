package io.miglab.qemu.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.link.Link;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.FirstPages;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuestCalibrationTest {
    private static final double MIB = 1024 * 1024;

    private static MigrationSpec spec(long mib, double mibps) {
        return MigrationSpec.of(ByteSize.ofMiB(mib), DataRate.ofMiBps(mibps));
    }

    // Guards against a footprint that ignores the memwriter's array or grows wrongly with RAM size: the figures
    // are the pmemsave counts the constants come from, within 1 MiB.
    @Test
    void nonZeroMemoryMatchesTheCountedGuests() {
        assertThat(GuestCalibration.idleFootprint(ByteSize.ofMiB(256)).mib()).isCloseTo(65.8, within(0.1));
        assertThat(GuestCalibration.idleFootprint(ByteSize.ofGiB(1)).mib()).isCloseTo(78.4, within(0.1));
        SweepWrites array = new SweepWrites(ByteSize.ofMiB(64), 4096, 1000);
        assertThat(GuestCalibration.nonZeroAtStart(spec(256, 100).withWriteModel(array)).mib())
                .isCloseTo(120.1, within(1.0));
        assertThat(GuestCalibration.nonZeroAtStart(spec(1024, 100).withWriteModel(array)).mib())
                .isCloseTo(140.3, within(1.0));
    }

    // Guards against the calibrated spec losing the zero pages or the user's own settings (algorithm, latency,
    // limits, what happens at a limit).
    @Test
    void theSimulatorSpecHasTheGuestsZeroShareAndKeepsTheRest() {
        MigrationSpec user = spec(256, 100).withAlgorithm("postcopy")
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(20), Optional.empty()));
        MigrationSpec sim = GuestCalibration.forSimulator(user);
        assertThat(sim.memory().zeroPageShare()).isCloseTo(1 - 65.8 / 256, within(1e-3));
        assertThat(sim.algorithm()).isEqualTo("postcopy");
        assertThat(sim.link().roundTripLatency()).isEqualTo(Duration.ofMillis(20));
        assertThat(sim.policy().name()).isEqualTo(user.policy().name());
        assertThat(sim.policy().onLimit()).isEqualTo(user.policy().onLimit());
        assertThat(sim.policy().find(StopCondition.Timeout.class)).isEqualTo(user.policy()
                .find(StopCondition.Timeout.class));
        assertThat(sim.overheads().deviceState()).isEqualTo(GuestCalibration.DEVICE_STATE);
        assertThat(sim.writeModel()).isEqualTo(new NoWrites());
    }

    // Guards against rebuilding the overheads field by field: forSimulator dropped the qemu profile's post-copy
    // placement cost that way, so migrate --backend sim pushed post-copy pages at the wire's rate alone; and against
    // charging the zero-page scan twice (the page-level simulator times it in each rate-limit period).
    @Test
    void theSimulatorSpecKeepsEveryQemuCost() {
        MigrationSpec user = spec(4096, 4000).withAlgorithm("postcopy");
        Overheads observed = GuestCalibration.observed(user).overheads();
        Overheads sim = GuestCalibration.forSimulator(user).overheads();
        assertThat(sim).isEqualTo(observed);
        assertThat(sim.postCopyPlacement()).isEqualTo(HypervisorProfiles.QEMU_OVERHEADS.postCopyPlacement())
                .isPositive();
        assertThat(sim.preparation()).isEqualTo(GuestCalibration.SETUP);
    }

    // Guards against the user's rate staying the link's own rate (the switch-over would then be capped, 100 times
    // too slow at 10 MiB/s), against a cap above what loopback carries with the guest running being taken as
    // reachable, and against the paused switch-over being held to the running rate.
    @Test
    void theUsersRateBecomesTheCapOfALoopbackLink() {
        MigrationSpec calibrated = GuestCalibration.forSimulator(spec(256, 10));
        Link link = calibrated.link();
        assertThat(link.effectiveBandwidth().mibPerSecond()).isCloseTo(10, within(1e-9));
        assertThat(calibrated.switchOverBandwidth())
                .isEqualTo(HypervisorProfiles.QEMU_OVERHEADS.switchOverRate().orElseThrow());
        Link fast = GuestCalibration.forSimulator(spec(256, 4000)).link();
        assertThat(fast.effectiveBandwidth().mibPerSecond())
                .isCloseTo(GuestCalibration.LOOPBACK_MIB_PER_SECOND, within(1e-9));
        // a user cap below the user's link: QEMU's max-bandwidth is the lower of the two
        Link capped = new Link(DataRate.ofMiBps(1000), Duration.ZERO, Optional.of(DataRate.ofMiBps(50)));
        assertThat(GuestCalibration.forSimulator(spec(256, 10).withLink(capped)).link().effectiveBandwidth()
                .mibPerSecond()).isCloseTo(50, within(1e-9));
    }

    // Guards against a per-round downtime check in the calibrated spec (QEMU checks on every iteration), against
    // losing the limit's value, and against touching a policy without one.
    @Test
    void theDowntimeLimitIsCheckedMidPass() {
        TerminationPolicy qemu = TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(30));
        TerminationPolicy sim = GuestCalibration.forSimulator(spec(256, 100).withPolicy(qemu)).policy();
        assertThat(sim.find(StopCondition.DowntimeBelow.class))
                .contains(new StopCondition.DowntimeBelow(Duration.ofMillis(300), true));
        assertThat(sim.conditions()).hasSameSizeAs(qemu.conditions());
        TerminationPolicy xen = TerminationPolicy.xen();
        assertThat(GuestCalibration.forSimulator(spec(256, 100).withPolicy(xen)).policy()).isEqualTo(xen);
    }

    // Guards against memwriter being throttled like a CPU-bound writer: it catches up on 100 ms of backlog, so a
    // 90 % throttle (90 ms sleeps) leaves its rate alone and 99 % (990 ms sleeps) leaves 110/1000 of it. It has
    // swept since boot, so where it stands when the migration starts is not known.
    @Test
    void theSweepIsPacedLikeMemwriter() {
        SweepWrites sweep = new SweepWrites(ByteSize.ofMiB(64), 4096, 5000);
        MigrationSpec sim = GuestCalibration.forSimulator(spec(256, 100).withWriteModel(sweep));
        assertThat(sim.writeModel())
                .isEqualTo(new PacedWrites(sweep.phaseNotKnown(), GuestCalibration.MEMWRITER_CATCH_UP));
        PacedWrites paced = (PacedWrites) sim.writeModel();
        assertThat(paced.runningShare(90)).isEqualTo(1.0);
        assertThat(paced.runningShare(99)).isCloseTo(0.110, within(1e-3));
        // the zero-page share still counts the array, which the wrapper must not hide
        assertThat(sim.memory().zeroPageShare()).isCloseTo(1 - 120.1 / 256, within(0.005));
    }

    // Guards the switch-over effects together: an idle 1 GiB guest at 100 MiB/s switches over mid-pass, with up to
    // the downtime limit's worth of its first pass unsent (30 MiB = 7,680 pages), and those bytes go at the qemu
    // profile's paused rate, its data pages beyond the sockets' buffer at the destination's rate for pages it has
    // never received (FirstPages), each zero page among them checked (0.25 us). Per round and capped, the
    // stop-copy would hold the device state only, or take 3 s.
    @Test
    void anIdleGuestSwitchesOverMidPassAtThePausedRate() {
        MigrationSpec user = spec(1024, 100).withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300),
                Duration.ofSeconds(30)));
        MigrationResult r = new PageLevelSimulator().migrate(GuestCalibration.forSimulator(user));
        assertThat(r.outcome().completed()).isTrue();
        double pageBytes = r.traffic().stopCopyBytes() - GuestCalibration.DEVICE_STATE.bytes();
        assertThat(pageBytes).isGreaterThan(MIB).isLessThanOrEqualTo(7680 * (4096 + 8.0));
        double paused = HypervisorProfiles.QEMU_OVERHEADS.switchOverRate().orElseThrow().bytesPerSecond();
        double expectedMs = r.traffic().stopCopyBytes() / paused * 1000 + GuestCalibration.RESUME.toMillis();
        // the idle guest dirties nothing: every data page of the stop-copy is new to the destination
        FirstPages first = HypervisorProfiles.QEMU_FIRST_PAGES;
        double dataMax = pageBytes / (4096 + 8.0) * 4096, dataMin = (pageBytes - 7680 * 8.0) / (4096 + 8.0) * 4096;
        assertThat(first.extraSeconds(dataMin, paused)).isPositive();
        // the zero pages among the unsent pages add their checks: at most 7,680 x 0.25 us
        assertThat(r.timing().downtimeMs()).isBetween(expectedMs + 1000 * first.extraSeconds(dataMin, paused),
                expectedMs + 1000 * first.extraSeconds(dataMax, paused) + 7680 * 0.00025 + 0.01);
    }

    // Guards the observable inputs' memory layout against changing silently: the corpus (docs/qemu-vs-sim.md,
    // Findings, 2026-11-30) takes a booted Linux guest's layout, which the command line says (--memory-layout
    // linux: the guest runs Linux); a change must come with the corpus's figures, this test and the page's Inputs
    // column together.
    @Test
    void theObservedLayoutIsLinux_andTheCommandLineSaysSo() {
        MigrationSpec user = spec(512, 20).withWriteModel(new SweepWrites(ByteSize.ofMiB(64), 4096, 5000));
        assertThat(GuestCalibration.OBSERVED_LAYOUT).isEqualTo(MemoryLayout.LINUX);
        assertThat(GuestCalibration.observed(user).memory().layout()).isEqualTo(MemoryLayout.LINUX);
        assertThat(GuestCalibration.forSimulator(user).memory().layout()).isEqualTo(MemoryLayout.LINUX);
        assertThat(ObservedInputs.settings(user)).containsEntry("memory-layout", "linux");
        // the observed layout stands whatever the spec said
        MigrationSpec middle = user.withMemory(user.memory().withLayout(MemoryLayout.MIDDLE));
        assertThat(GuestCalibration.observed(middle).memory().layout()).isEqualTo(MemoryLayout.LINUX);
    }
}
