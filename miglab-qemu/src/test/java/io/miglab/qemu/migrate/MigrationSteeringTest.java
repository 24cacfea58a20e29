package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one steering that QMP and libvirt both drive: which control it uses, when, and only once. */
class MigrationSteeringTest {
    private static final MigrationSpec BASE = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100))
            .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(10)));

    /** Records the controls the steering used, in order. */
    private static final class Recorder implements MigrationSteering.Controls {
        final List<String> calls = new ArrayList<>();

        @Override
        public void startPostCopy() { calls.add("postcopy"); }

        @Override
        public void cancel() { calls.add("cancel"); }

        @Override
        public void forceSwitchOver() { calls.add("switch-over"); }

        @Override
        public void pauseGuest() { calls.add("pause"); }
    }

    private static MigrationSteering steering(MigrationSpec spec, Recorder r) {
        return new MigrationSteering(spec, QemuMigrationPlan.of(spec, QemuRunOptions.defaults()), r);
    }

    @Test
    void preCopyIsLeftToQemuUntilItsTimeoutThenCancelledOnce() {
        Recorder r = new Recorder();
        MigrationSteering s = steering(BASE, r);
        s.poll(new MigrationSteering.Progress(false, 0, 1_000, 1e6));
        s.poll(new MigrationSteering.Progress(false, 3, 9_999, 9e8));
        assertThat(r.calls).isEmpty();
        s.poll(new MigrationSteering.Progress(false, 4, 10_000, 1e9));
        s.poll(new MigrationSteering.Progress(false, 5, 11_000, 1.1e9));
        assertThat(r.calls).containsExactly("cancel");
        assertThat(s.cancelRequested()).isTrue();
        assertThat(s.reason()).contains(StopReason.TIMEOUT);
    }

    @Test
    void limitsAreNotCheckedWhileQemuSetsUp() {
        Recorder r = new Recorder();
        MigrationSteering s = steering(BASE, r);
        s.poll(new MigrationSteering.Progress(true, 0, 20_000, 0));
        assertThat(r.calls).isEmpty();
        assertThat(s.reason()).isEmpty();
    }

    @Test
    void postCopyIsStartedThroughTheControls() {
        Recorder r = new Recorder();
        MigrationSteering s = steering(BASE.withAlgorithm("postcopy"), r);
        s.poll(new MigrationSteering.Progress(false, 0, 10, 0));
        s.poll(new MigrationSteering.Progress(false, 1, 20, 1e6));
        assertThat(r.calls).containsExactly("postcopy");
        assertThat(s.switched()).isTrue();
    }

    // Guards against stop-and-copy run as a live pre-copy with a raised limit (the guest running while its pages go)
    // and against other algorithms' first decision being carried out before QEMU is migrating.
    @Test
    void stopAndCopyPausesTheGuestBeforeMigrateAndOtherFirstDecisionsWaitForTheFirstPoll() {
        Recorder r = new Recorder();
        MigrationSteering s = steering(BASE.withAlgorithm("stop-and-copy"), r);
        s.beforeMigrate();
        s.poll(new MigrationSteering.Progress(false, 1, 10_000, 1e9));
        assertThat(r.calls).containsExactly("pause");
        assertThat(s.pausedBeforeMigrate()).isTrue();
        assertThat(s.reason()).contains(StopReason.NOT_ITERATIVE);

        Recorder p = new Recorder();
        MigrationSteering post = steering(BASE.withAlgorithm("postcopy"), p);
        post.beforeMigrate();
        assertThat(p.calls).isEmpty();
        post.poll(new MigrationSteering.Progress(false, 0, 10, 0));
        assertThat(p.calls).containsExactly("postcopy");
        assertThat(post.pausedBeforeMigrate()).isFalse();
    }

    // Guards against post-copy at once racing QEMU's setup (asked only at the first poll, one rate-limit period of
    // pre-copy could go first): it is requested as soon as migrate is accepted, and only once; a hybrid's first
    // decision (a pre-copy round) asks nothing of QEMU then.
    @Test
    void postCopyAtOnceIsRequestedRightAfterMigrate_andAHybridWaits() {
        Recorder p = new Recorder();
        MigrationSteering post = steering(BASE.withAlgorithm("postcopy"), p);
        post.beforeMigrate();
        post.afterMigrate();
        assertThat(p.calls).containsExactly("postcopy");
        assertThat(post.switched()).isTrue();
        post.poll(new MigrationSteering.Progress(false, 0, 100, 1e6));
        assertThat(p.calls).containsExactly("postcopy");

        Recorder h = new Recorder();
        MigrationSteering hybrid = steering(BASE.withAlgorithm("hybrid"), h);
        hybrid.beforeMigrate();
        hybrid.afterMigrate();
        assertThat(h.calls).isEmpty();
        assertThat(hybrid.switched()).isFalse();
    }
}
