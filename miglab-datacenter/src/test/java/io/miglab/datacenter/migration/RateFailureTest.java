package io.miglab.datacenter.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.VmLocation;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.Announce;
import io.miglab.core.spec.FailureKind;
import io.miglab.core.spec.FailureSpec;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.UniformWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An injected failure in the rate-based migration leaves the guest where the page-level simulator leaves it (both
 * ask core's FailurePlan): 64 MiB at 100 MiB/s, every kind at pre-copy, stop-and-copy (pre-copy) and post-copy.
 */
class RateFailureTest {
    static MigrationSpec spec(String algorithm, String failure) {
        MigrationSpec s = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withWriteModel(new UniformWrites(2_000))
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(1), Optional.empty()))
                .withAlgorithm(algorithm)
                .withPostCopy(new PostCopyOptions(1, Optional.empty(), 0))
                .withSeed(7);
        return failure == null ? s : s.withProtocol(s.protocol().withFailure(Optional.of(FailureSpec.parse(failure))));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (FailureKind k : FailureKind.values()) {
            out.add(Arguments.of("precopy", k.label() + "@pre-copy+200ms"));
            out.add(Arguments.of("precopy", k.label() + "@stop-and-copy+0s"));
            out.add(Arguments.of("postcopy", k.label() + "@post-copy+100ms"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theGuestEndsWhereThePageLevelSimulatorLeavesIt(String algorithm, String failure) {
        MigrationSpec spec = spec(algorithm, failure);
        MigrationResult rate = new RateBasedBackend().migrate(spec);
        MigrationResult page = new PageLevelSimulator().migrate(spec);
        assertThat(rate.fate().vmRunsOn()).isEqualTo(page.fate().vmRunsOn());
        assertThat(rate.fate().failure()).isEqualTo(page.fate().failure());
        assertThat(rate.fate().failedStage()).isEqualTo(page.fate().failedStage());
        assertThat(rate.outcome().completed()).isEqualTo(rate.fate().vmRunsOn() == VmLocation.DESTINATION);
        if (!rate.outcome().completed()) {
            assertThat(rate.outcome().stopReason()).isEqualTo(StopReason.FAILED);
            assertThat(rate.fate().wastedBytes()).isPositive();
        }
    }

    @Test
    void aPostCopyLinkDownIsRecoveredAndCostsTheOutage() {
        MigrationResult clean = new RateBasedBackend().migrate(spec("postcopy", null));
        MigrationResult r = new RateBasedBackend().migrate(spec("postcopy", "link-down@post-copy+100ms"));
        assertThat(r.fate().vmRunsOn()).isEqualTo(VmLocation.DESTINATION);
        // detect 1 s, reconnect 200 ms, a round trip, then the bitmap (2 KiB) and what was in flight again
        assertThat(r.timing().totalTimeMs()).isGreaterThan(clean.timing().totalTimeMs() + 1200);
        assertThat(r.traffic().bytesTransferred()).isGreaterThan(clean.traffic().bytesTransferred() + 2048);
    }

    @Test
    void aDestinationWithoutRoomRefusesAtReservation() {
        MigrationSpec s = spec("precopy", null);
        s = s.withProtocol(new io.miglab.core.spec.ProtocolOptions(Duration.ZERO, 1,
                Optional.of(ByteSize.ofMiB(32)), Optional.empty(), Optional.empty(), Duration.ofSeconds(1),
                Duration.ofMillis(200)));
        MigrationResult r = new RateBasedBackend().migrate(s);
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.REFUSED);
        assertThat(r.fate().vmRunsOn()).isEqualTo(VmLocation.SOURCE);
        assertThat(r.traffic().bytesTransferred()).isZero();
    }

    @Test
    void announceRounds_followActivationAsInThePageLevelSimulator() {
        MigrationSpec spec = spec("precopy", null);
        spec = spec.withOverheads(spec.overheads().withAnnounce(Announce.qemuDefaults()));
        MigrationResult rate = new RateBasedBackend().migrate(spec);
        double activationEnd = rate.stages().stream().filter(x -> x.stage().equals("activation")).findFirst()
                .orElseThrow().endMs();
        assertThat(rate.timing().announceRounds()).isEqualTo(5);
        assertThat(rate.timing().lastAnnounceMs()).isCloseTo(activationEnd + 800, offset(1e-6));
    }
}
