package io.miglab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.UniformWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guest's pause after a switch into post-copy (pages touched on resume, each a fault): its closed form computed
 * by hand, and the page-level simulator and the closed form adding the same pause to the same switch-over.
 */
class ResumeFaultsTest {
    private static final double MIB = 1024 * 1024;
    /** 10 pages, 5 ms of handling each, 1 MiB ahead of a demand page without preempt. */
    private static final ResumeFaults TEN = new ResumeFaults(10, Duration.ofMillis(5), ByteSize.ofMiB(1));

    /** 64 MiB of 4 KiB pages over 100 MiB/s with a 2 ms round trip; post-copy capped at {@code postCopyMiBps}. */
    private static MigrationSpec spec(double postCopyMiBps, boolean preempt, ResumeFaults faults) {
        return MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(2), Optional.empty(),
                        Optional.of(DataRate.ofMiBps(postCopyMiBps))))
                .withWriteModel(new NoWrites())
                .withAlgorithm("postcopy")
                .withPostCopy(PostCopyOptions.defaults().withPreempt(preempt))
                .withOverheads(Overheads.defaults().withResumeFaults(faults));
    }

    @Test
    void oneFault_isHandlingPlusRoundTripPlusPage_andTheQueueAheadWithoutPreempt() {
        double page = (4096 + 8) / (100 * MIB);
        // 5 ms + 2 ms + 4,104 B at 100 MiB/s + 1 MiB at the link's 100 MiB/s (10 ms), whatever the cap
        assertThat(TEN.faultSeconds(spec(10, false, TEN))).isCloseTo(0.005 + 0.002 + page + 0.01, offset(1e-12));
        assertThat(TEN.faultSeconds(spec(50, false, TEN))).isCloseTo(0.005 + 0.002 + page + 0.01, offset(1e-12));
        // with postcopy-preempt the page does not queue behind the push
        assertThat(TEN.faultSeconds(spec(10, true, TEN))).isCloseTo(0.005 + 0.002 + page, offset(1e-12));
    }

    @Test
    void cappedWithoutPreempt_theGuestRunsOnlyInEachPeriodsWindow() {
        // 8 ms of running per page, 1 ms beyond each burst: at 10 MiB/s of a 100 MiB/s link the burst is 10 ms of
        // the 100 ms period, so 10 pages take 10 x 8 ms x 100 / 11 = 727 ms
        ResumeFaults windowed = TEN.withWindows(Duration.ofMillis(8), Duration.ofMillis(1));
        MigrationSpec s = spec(10, false, windowed);
        assertThat(windowed.pauseSeconds(s, 1, 60)).isCloseTo(10 * 0.008 * 100 / 11.0, offset(1e-12));
        // a hybrid with a quarter of its read pages pending and 0.3 written: 10 x (0.3 + 0.7 / 4) = 4.75 faults
        ResumeFaults hybrid = windowed.withWrittenShare(0.3);
        assertThat(hybrid.pauseSeconds(spec(10, false, hybrid), 0.25, 60))
                .isCloseTo(4.75 * 0.008 * 100 / 11.0, offset(1e-12));
        // at 30 MiB/s the window is 31 ms of the period: 258 ms, longer than the 170 ms of faults served at once
        assertThat(windowed.pauseSeconds(spec(30, false, windowed), 1, 60))
                .isCloseTo(10 * 0.008 * 100 / 31.0, offset(1e-12));
        // at 50 MiB/s the window (51 ms) gives 157 ms, the faults served at once 170 ms: the longer is the pause
        assertThat(windowed.pauseSeconds(spec(50, false, windowed), 1, 60))
                .isCloseTo(10 * windowed.faultSeconds(spec(50, false, windowed)), offset(1e-12));
        // uncapped the window is the whole period: 80 ms, shorter than the faults served at once, which decide
        double atOnce = 10 * windowed.faultSeconds(spec(100, false, windowed));
        assertThat(windowed.pauseSeconds(spec(100, false, windowed), 1, 60)).isCloseTo(atOnce, offset(1e-12));
        // with preempt no window: the faults served at once
        assertThat(windowed.pauseSeconds(spec(10, true, windowed), 1, 60))
                .isCloseTo(10 * windowed.faultSeconds(spec(10, true, windowed)), offset(1e-12));
        assertThatThrownBy(() -> TEN.withWindows(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("resume-run");
    }

    @Test
    void pause_isPagesTimesPendingShareFaults_atMostThePush() {
        MigrationSpec s = spec(10, false, TEN);
        double fault = 0.007 + (4096 + 8) / (100 * MIB) + 0.01;
        // every page pending: 10 faults of 17.04 ms
        assertThat(TEN.pauseSeconds(s, 1, 60)).isCloseTo(10 * fault, offset(1e-12));
        // a quarter pending (a hybrid after its rounds): 2.5 faults' worth
        assertThat(TEN.pauseSeconds(s, 0.25, 60)).isCloseTo(2.5 * fault, offset(1e-12));
        // a push of 0.1 s has every page there before the tenth fault
        assertThat(TEN.pauseSeconds(s, 1, 0.1)).isCloseTo(0.1, offset(1e-12));
        assertThat(TEN.pauseSeconds(s, 0, 60)).isZero();
        assertThat(ResumeFaults.none().pauseSeconds(s, 1, 60)).isZero();
    }

    @Test
    void withPreempt_everyResumePageFaults_whateverShareOfRamIsStillPending() {
        // the pages a guest writes are pending at any switch; with preempt the background scan does not follow the
        // requests, so a hybrid after its rounds (a quarter of RAM pending) pays all 10 faults, not 2.5
        MigrationSpec s = spec(10, true, TEN);
        double fault = 0.007 + (4096 + 8) / (100 * MIB);
        assertThat(TEN.pauseSeconds(s, 0.25, 60)).isCloseTo(10 * fault, offset(1e-12));
        assertThat(TEN.pauseSeconds(s, 1, 60)).isCloseTo(10 * fault, offset(1e-12));
        // nothing pending (no push): no fault
        assertThat(TEN.pauseSeconds(s, 0, 0)).isZero();
    }

    @Test
    void withoutPreempt_theWrittenPagesFaultAtAnySwitch_theReadOnesWhileUnsent() {
        // 10 pages, 3 of them written: with the kernel block sent, 3 faults; half of it pending, 3 + 7 / 2 = 6.5;
        // all of it, 10
        ResumeFaults written = new ResumeFaults(10, Duration.ofMillis(5), ByteSize.ofMiB(1), 0.3);
        MigrationSpec s = spec(10, false, written);
        double fault = 0.007 + (4096 + 8) / (100 * MIB) + 0.01;
        assertThat(written.pauseSeconds(s, 0, 60)).isCloseTo(3 * fault, offset(1e-12));
        assertThat(written.pauseSeconds(s, 0.5, 60)).isCloseTo(6.5 * fault, offset(1e-12));
        assertThat(written.pauseSeconds(s, 1, 60)).isCloseTo(10 * fault, offset(1e-12));
        assertThat(written.withPages(20).writtenShare()).isEqualTo(0.3);
        assertThatThrownBy(() -> new ResumeFaults(1, Duration.ZERO, ByteSize.ofBytes(0), 1.5))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("resume-written");
    }

    @Test
    void readPendingShare_withoutAPageMap_isTheKernelBlocksUnsentShare() {
        MigrationSpec linux = spec(10, false, TEN).withMemory(io.miglab.core.memory.GuestMemory.of(ByteSize.ofMiB(64))
                .withZeroPageShare(0.5).withLayout(io.miglab.core.memory.MemoryLayout.LINUX));
        int block = linux.memory().layout().kernelBlockEnd(linux.memory(), 0);
        assertThat(block).isBetween(1, linux.memory().pages() - 1);
        // before the first pass every read page is pending, halfway through the block half, after it none, whatever
        // share of RAM is still pending
        assertThat(ResumeFaults.readPendingShare(linux, 0, 16_384)).isEqualTo(1);
        assertThat(ResumeFaults.readPendingShare(linux, block / 2.0, 8_000)).isCloseTo(0.5, offset(1e-4));
        assertThat(ResumeFaults.readPendingShare(linux, block, 8_000)).isZero();
        assertThat(ResumeFaults.readPendingShare(linux, 16_384, 4_096)).isZero();
        // a layout that places nothing: the RAM-wide pending share
        assertThat(ResumeFaults.readPendingShare(spec(10, false, TEN), 16_384, 4_096)).isEqualTo(0.25);
    }

    @Test
    void badInput_namesTheSetting() {
        assertThatThrownBy(() -> new ResumeFaults(-1, Duration.ZERO, ByteSize.ofBytes(0)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("resume-pages");
        assertThatThrownBy(() -> new ResumeFaults(1, Duration.ofMillis(-1), ByteSize.ofBytes(0)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("resume-fault-cost");
    }

    @Test
    void simulatorAndClosedForm_addTheSamePauseToTheSwitchOver() {
        for (boolean preempt : new boolean[] {false, true}) {
            MigrationSpec without = spec(10, preempt, ResumeFaults.none());
            MigrationSpec with = spec(10, preempt, TEN);
            // an idle guest: every page is pending at the switch, the push (64 MiB at 10 MiB/s) outlasts the faults
            double expected = TEN.pauseSeconds(with, 1, 60) * 1000;
            for (MigrationResult[] r : new MigrationResult[][] {
                    {new PageLevelSimulator().migrate(without), new PageLevelSimulator().migrate(with)},
                    {new ClosedFormPredictor().migrate(without), new ClosedFormPredictor().migrate(with)}}) {
                assertThat(r[1].timing().downtimeMs() - r[0].timing().downtimeMs()).as("preempt %s", preempt)
                        .isCloseTo(expected, offset(1e-6));
                // the guest's pause does not hold up the push
                assertThat(r[1].timing().totalTimeMs()).isCloseTo(r[0].timing().totalTimeMs(), offset(1e-6));
            }
        }
    }

    @Test
    void hybrid_pauseScalesWithWhatIsStillPending_inBothEngines() {
        MigrationSpec s = spec(10, false, TEN).withAlgorithm("hybrid")
                .withWriteModel(new UniformWrites(2_000))
                // a 1 ms downtime limit: the rounds do not converge, the hybrid switches after its two
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(1), Duration.ofSeconds(120)))
                .withPostCopy(new PostCopyOptions(2, Optional.empty(), 0));
        MigrationResult page = new PageLevelSimulator().migrate(s);
        MigrationResult closed = new ClosedFormPredictor().migrate(s);
        MigrationResult pageWithout = new PageLevelSimulator().migrate(s.withOverheads(Overheads.defaults()));
        double pauseMs = page.timing().downtimeMs() - pageWithout.timing().downtimeMs();
        // the pending share is the post-copy pages over all pages: a few thousand of 16,384
        double share = page.traffic().postcopyBytes() / (4104.0 * 16_384);
        assertThat(share).isBetween(0.05, 0.9);
        assertThat(pauseMs).isCloseTo(TEN.pauseSeconds(s, share, 60) * 1000, offset(1.0));
        assertThat(closed.timing().downtimeMs()).isCloseTo(page.timing().downtimeMs(),
                offset(0.1 * page.timing().downtimeMs()));
    }
}
