package io.miglab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The end of a capped post-copy push, which QEMU 10.0 sends uncapped once what is pending fits bandwidth x downtime
 * limit: without preempt, under the Linux layout, the push sends its used pages first, so that tail is zero pages;
 * otherwise a share of every kind of page. Computed by hand for a 256 MiB guest, half zero pages, 100 MiB/s cap and
 * a 300 ms limit: a 30 MiB tail, 7,680 pages.
 */
class PostCopyTailTest {
    private static final double PAGES = 65_536, ZEROS = 32_768, TAIL = 7_680;

    private static MigrationSpec spec(boolean preempt) {
        GuestMemory half = new GuestMemory(ByteSize.ofMiB(256), 4096, 0.5, 0, ByteSize.ofBytes(0), MemoryLayout.LINUX);
        return MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(1000)).withMemory(half)
                .withLink(new Link(DataRate.ofMiBps(1000), Duration.ZERO, Optional.empty(),
                        Optional.of(DataRate.ofMiBps(100))))
                .withAlgorithm("postcopy")
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(60)).withMidPassCheck())
                .withPostCopy(PostCopyOptions.defaults().withPreempt(preempt))
                .withOverheads(Overheads.defaults().withResumeFaults(
                        new ResumeFaults(20, Duration.ZERO, ByteSize.ofBytes(0))));
    }

    @Test
    void withoutPreempt_theUncappedTailIsZeroPages_withPreempt_aShareOfEveryPage() {
        MigrationSpec steered = spec(false), preempt = spec(true);
        assertThat(steered.postCopyCompletionBytes()).isEqualTo(TAIL * 4096, offset(1e-6));
        double zero = steered.optimisations().zeroPageBytes(), full = 4096 + Optimisations.PAGE_HEADER_BYTES;
        double bytes = ZEROS * zero + (PAGES - ZEROS) * full;
        assertThat(steered.postCopyUsedPagesFirst()).isTrue();
        assertThat(steered.postCopyPushSeconds(bytes, ZEROS, PAGES)).isCloseTo(
                steered.postCopyPushSeconds(bytes - TAIL * zero, ZEROS - TAIL)
                        + steered.postCopyHostSeconds(TAIL * zero, TAIL), offset(1e-12));
        assertThat(preempt.postCopyUsedPagesFirst()).isFalse();
        double share = TAIL / PAGES;
        assertThat(preempt.postCopyPushSeconds(bytes, ZEROS, PAGES)).isCloseTo(
                preempt.postCopyPushSeconds(bytes * (1 - share), ZEROS * (1 - share))
                        + preempt.postCopyHostSeconds(bytes * share, ZEROS * share), offset(1e-12));
        // the used pages' bytes all go at the cap: about 0.16 s more than with a share of them uncapped
        assertThat(steered.postCopyPushSeconds(bytes, ZEROS, PAGES) - preempt.postCopyPushSeconds(bytes, ZEROS, PAGES))
                .isBetween(0.1, 0.3);
    }
}
