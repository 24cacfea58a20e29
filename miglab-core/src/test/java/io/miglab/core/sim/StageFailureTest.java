package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.VmLocation;
import io.miglab.core.spec.FailureSpec;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.ProtocolOptions;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The staged protocol in the page-level simulator: every stage x failure kind, refusal, recovery, conservation. */
class StageFailureTest {
    /** 64 MiB at 100 MiB/s with a busy 8 MiB working set; every stage lasts long enough to be hit. */
    private static MigrationSpec spec(String algorithm) {
        return MigrationSpec.of(ByteSize.ofMiB(64), DataRate.parse("bandwidth", "100MiB/s"))
                .withWriteModel(new WorkingSetWrites(ByteSize.ofMiB(8), 4096, 5000, 0))
                .withLink(new Link(DataRate.parse("bandwidth", "100MiB/s"), Duration.ofMillis(10), Optional.empty()))
                .withOverheads(new Overheads(Duration.ofMillis(100), Duration.ofMillis(20), ByteSize.ofKiB(256),
                        Duration.ZERO))
                .withProtocol(ProtocolOptions.defaults().withReservation(Duration.ofMillis(50)))
                .withAlgorithm(algorithm);
    }

    private static MigrationResult run(MigrationSpec spec, String failure) {
        MigrationSpec s = failure.isEmpty() ? spec
                : spec.withProtocol(spec.protocol().withFailure(Optional.of(FailureSpec.parse(failure))));
        return new PageLevelSimulator().migrate(s);
    }

    private static void assertConserved(MigrationResult r) {
        double ms = r.stages().stream().mapToDouble(StageStats::durationMs).sum();
        long bytes = r.stages().stream().mapToLong(StageStats::bytes).sum();
        assertThat(ms).as("stage durations").isCloseTo(r.timing().totalTimeMs(), offset(1e-6));
        assertThat(bytes).as("stage bytes").isEqualTo(r.traffic().bytesTransferred());
    }

    // Guards the protocol's table (docs/protocol.md): before commit the source keeps the guest unless it is the
    // one that crashed; after commit (pre-copy) only the destination's crash loses it; in post-copy after
    // activation a broken link is recovered and a crash of either side loses the guest.
    @ParameterizedTest(name = "{0} {1}+{2} -> {3}")
    @CsvSource({
        "precopy, preparation, 50ms, SOURCE, SOURCE, LOST",
        "precopy, reservation, 20ms, SOURCE, SOURCE, LOST",
        "precopy, pre-copy, 300ms, SOURCE, SOURCE, LOST",
        "precopy, stop-and-copy, 0ms, SOURCE, SOURCE, LOST",
        "precopy, commit, 2ms, SOURCE, SOURCE, LOST",
        "precopy, activation, 10ms, LOST, DESTINATION, DESTINATION",
        "postcopy, stop-and-copy, 1ms, SOURCE, SOURCE, LOST",
        "postcopy, activation, 10ms, SOURCE, SOURCE, LOST",
        "postcopy, post-copy, 200ms, LOST, DESTINATION, LOST",
        "postcopy, commit, 2ms, LOST, DESTINATION, DESTINATION"})
    void everyStageAndKind_leavesTheGuestWhereTheProtocolSays(String algorithm, String stage, String at,
                                                               VmLocation destinationCrash, VmLocation linkDown,
                                                               VmLocation sourceCrash) {
        MigrationResult clean = run(spec(algorithm), "");
        String[] kinds = {"destination-crash", "link-down", "source-crash"};
        VmLocation[] expected = {destinationCrash, linkDown, sourceCrash};
        for (int i = 0; i < kinds.length; i++) {
            String f = kinds[i] + "@" + stage + "+" + at;
            MigrationResult r = run(spec(algorithm), f);
            assertThat(r.fate().vmRunsOn()).as(f).isEqualTo(expected[i]);
            assertThat(r.fate().failedStage()).as(f).isEqualTo(stage);
            assertThat(r.fate().failure()).as(f).startsWith(f);
            assertThat(r.outcome().completed()).as(f).isEqualTo(expected[i] == VmLocation.DESTINATION);
            if (!r.outcome().completed()) {
                assertThat(r.outcome().stopReason()).as(f).isEqualTo(StopReason.FAILED);
                assertThat(r.fate().wastedBytes()).as(f).isEqualTo(r.traffic().bytesTransferred());
                assertThat(r.fate().wastedTimeMs()).as(f).isCloseTo(r.timing().totalTimeMs(), offset(1e-6));
                assertThat(r.stages().get(r.stages().size() - 1).stage()).as(f).isEqualTo(stage);
                assertThat(r.traffic().bytesTransferred()).as(f).isLessThanOrEqualTo(clean.traffic().bytesTransferred());
            }
            assertConserved(r);
        }
    }

    // Guards the destination's refusal: the guest stays on the source, untouched, and nothing is sent.
    @Test
    void refusedReservation_sendsNothing_andLeavesTheGuestOnTheSource() {
        MigrationSpec s = spec("precopy");
        s = s.withProtocol(new ProtocolOptions(Duration.ofMillis(50), 4, Optional.empty(), Optional.of(2),
                Optional.empty(), ProtocolOptions.DEFAULT_DETECT, ProtocolOptions.DEFAULT_RECONNECT));
        for (MigrationResult r : new MigrationResult[] {new PageLevelSimulator().migrate(s),
                new ClosedFormPredictor().migrate(s)}) {
            assertThat(r.outcome().stopReason()).isEqualTo(StopReason.REFUSED);
            assertThat(r.outcome().completed()).isFalse();
            assertThat(r.fate().vmRunsOn()).isEqualTo(VmLocation.SOURCE);
            assertThat(r.fate().failure()).contains("2 vCPUs free, the VM needs 4");
            assertThat(r.traffic().bytesTransferred()).isZero();
            assertThat(r.timing().totalTimeMs()).isCloseTo(150, offset(1e-6));
            assertThat(r.stages()).extracting(StageStats::stage).containsExactly("preparation", "reservation");
        }
    }

    // Guards post-copy recovery: a broken link costs the outage and sends the bitmap and what was in flight again,
    // and the guest still ends on the destination.
    @Test
    void postCopyLinkDown_recovers_withMoreBytesAndTime() {
        MigrationResult clean = run(spec("postcopy"), "");
        MigrationResult r = run(spec("postcopy"), "link-down@post-copy+200ms");
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.fate().vmRunsOn()).isEqualTo(VmLocation.DESTINATION);
        assertThat(r.traffic().bytesTransferred()).isGreaterThan(clean.traffic().bytesTransferred());
        assertThat(r.fate().wastedBytes()).isEqualTo(r.traffic().bytesTransferred()
                - clean.traffic().bytesTransferred());
        // detect 1 s + reconnect 200 ms + a 10 ms round trip at least
        assertThat(r.timing().totalTimeMs() - clean.timing().totalTimeMs()).isGreaterThan(1210);
        assertConserved(r);
    }

    // Guards every engine's stage list on a clean run: gapless, adding up to the totals.
    @Test
    void cleanRuns_stagesAddUpToTheTotals() {
        for (String a : new String[] {"stop-and-copy", "precopy", "postcopy", "hybrid"}) {
            MigrationResult sim = run(spec(a), "");
            assertConserved(sim);
            assertThat(sim.timing().resumeTimeMs()).isCloseTo(20, offset(1e-9));
            MigrationResult cf = new ClosedFormPredictor().migrate(spec(a));
            double ms = cf.stages().stream().mapToDouble(StageStats::durationMs).sum();
            assertThat(ms).as(a).isCloseTo(cf.timing().totalTimeMs(), offset(1e-6));
            assertThat(cf.stages().stream().mapToLong(StageStats::bytes).sum()).as(a)
                    .isBetween(cf.traffic().bytesTransferred() - 2, cf.traffic().bytesTransferred() + 2);
        }
    }

    // Guards a failure aimed at a stage that ends sooner: nothing happens, and the result says so.
    @Test
    void failureAfterItsStageEnded_isNotInjected() {
        MigrationResult clean = run(spec("precopy"), "");
        MigrationResult r = run(spec("precopy"), "link-down@commit+1s");
        assertThat(r.traffic()).isEqualTo(clean.traffic());
        assertThat(r.fate().vmRunsOn()).isEqualTo(VmLocation.DESTINATION);
        assertThat(r.assumptions()).anyMatch(a -> a.contains("not injected"));
    }

    // Guards the one syntax and its one-line error naming the field.
    @Test
    void failureSyntax_isCheckedWithOneLine() {
        assertThat(FailureSpec.parse("source-crash@stop-and-copy+1.5s").label())
                .isEqualTo("source-crash@stop-and-copy+1500ms");
        assertThatThrownBy(() -> FailureSpec.parse("meteor@pre-copy+1s")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("fail: KIND@STAGE+TIME");
        assertThatThrownBy(() -> FailureSpec.parse("link-down@warmup+1s")).hasMessageStartingWith("fail:");
    }
}
