package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;

/**
 * Fixed costs around the page transfer.
 *
 * @param preparation  from the migrate command to the first page (QEMU's setup-time: dirty logging on, threads)
 * @param resume       from the last byte at the destination to the guest running there (device state load)
 * @param deviceState  CPU and device state sent while the guest is paused
 * @param syncPerGiB   time to synchronise the dirty bitmap, per GiB of guest memory, once per round
 * @param announce     the self-announce rounds after activation (none unless the hypervisor profile has them)
 * @param postCopyPlacement post-copy: the destination's time to place one zero page beside reading the stream
 *                     (QEMU: one UFFDIO_ZEROPAGE ioctl, migration/postcopy-ram.c; a normal page's UFFDIO_COPY is
 *                     inside the link's rate); the push goes no faster (MigrationSpec.postCopyHostSeconds)
 * @param resumeFaults post-copy and hybrid: the guest's pause after the switch-over while the pages it touches first
 *                     arrive (none unless the hypervisor profile or the user states them)
 * @param zeroPageCost the source's CPU time to find one zero page and send its header (QEMU: save_zero_page's
 *                     buffer_is_zero, migration/ram.c); it shows where nothing caps the stream: the switch-over
 * @param switchOverRate what the source sends per second while the guest is paused and nothing caps the stream
 *                     (QEMU lifts max-bandwidth for the switch-over; the rate is then the CPU's, not the link's);
 *                     empty: the link's own rate
 * @param firstPages   the switch-over's pages the destination has never received, and how fast it takes them
 */
public record Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB,
                        Announce announce, Duration postCopyPlacement, ResumeFaults resumeFaults,
                        Duration zeroPageCost, Optional<DataRate> switchOverRate, FirstPages firstPages) {
    /** Fixed costs whose first pages go as any other. */
    public Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB,
                     Announce announce, Duration postCopyPlacement, ResumeFaults resumeFaults,
                     Duration zeroPageCost, Optional<DataRate> switchOverRate) {
        this(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement, resumeFaults, zeroPageCost,
                switchOverRate, FirstPages.none());
    }

    /** Fixed costs without announce rounds or a post-copy placement cost. */
    public Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB) {
        this(preparation, resume, deviceState, syncPerGiB, Announce.none(), Duration.ZERO);
    }

    /** Fixed costs without a pause after a switch into post-copy. */
    public Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB,
                     Announce announce, Duration postCopyPlacement) {
        this(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement, ResumeFaults.none());
    }

    /** Fixed costs without a zero-page cost or a switch-over rate of their own. */
    public Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB,
                     Announce announce, Duration postCopyPlacement, ResumeFaults resumeFaults) {
        this(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement, resumeFaults, Duration.ZERO,
                Optional.empty());
    }

    /** Fixed costs without a post-copy placement cost. */
    public Overheads(Duration preparation, Duration resume, ByteSize deviceState, Duration syncPerGiB,
                     Announce announce) {
        this(preparation, resume, deviceState, syncPerGiB, announce, Duration.ZERO);
    }

    public Overheads {
        announce = announce == null ? Announce.none() : announce;
        postCopyPlacement = postCopyPlacement == null ? Duration.ZERO : postCopyPlacement;
        resumeFaults = resumeFaults == null ? ResumeFaults.none() : resumeFaults;
        zeroPageCost = zeroPageCost == null ? Duration.ZERO : zeroPageCost;
        switchOverRate = switchOverRate == null ? Optional.empty() : switchOverRate;
        firstPages = firstPages == null ? FirstPages.none() : firstPages;
        InvalidSpecException.require(preparation != null && !preparation.isNegative(), "preparation-time",
                "a duration >= 0", preparation);
        InvalidSpecException.require(resume != null && !resume.isNegative(), "resume-time", "a duration >= 0", resume);
        InvalidSpecException.require(syncPerGiB != null && !syncPerGiB.isNegative(), "sync-cost", "a duration >= 0",
                syncPerGiB);
        InvalidSpecException.require(!postCopyPlacement.isNegative(), "postcopy-page-cost", "a duration >= 0",
                postCopyPlacement);
        InvalidSpecException.require(!zeroPageCost.isNegative(), "zero-page-cost", "a duration >= 0", zeroPageCost);
        InvalidSpecException.require(switchOverRate.map(r -> r.bytesPerSecond() > 0).orElse(true),
                "switch-over-rate", "a rate > 0 or none", switchOverRate.orElse(null));
    }

    /** No fixed costs but a small device state: what the closed-form tests compare against. */
    public static Overheads defaults() {
        return new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofKiB(256), Duration.ZERO);
    }

    /** These costs with another preparation time, everything else kept. */
    public Overheads withPreparation(Duration d) {
        return new Overheads(d, resume, deviceState, syncPerGiB, announce, postCopyPlacement, resumeFaults,
                zeroPageCost, switchOverRate, firstPages);
    }

    /** These costs with other announce rounds. */
    public Overheads withAnnounce(Announce a) {
        return new Overheads(preparation, resume, deviceState, syncPerGiB, a, postCopyPlacement, resumeFaults,
                zeroPageCost, switchOverRate, firstPages);
    }

    /** These costs with another post-copy placement cost. */
    public Overheads withPostCopyPlacement(Duration d) {
        return new Overheads(preparation, resume, deviceState, syncPerGiB, announce, d, resumeFaults, zeroPageCost,
                switchOverRate, firstPages);
    }

    /** These costs with another pause after a switch into post-copy. */
    public Overheads withResumeFaults(ResumeFaults r) {
        return new Overheads(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement, r,
                zeroPageCost, switchOverRate, firstPages);
    }

    /** These costs with another zero-page cost and switch-over rate. */
    public Overheads withSwitchOver(Duration zeroPage, Optional<DataRate> rate) {
        return new Overheads(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement,
                resumeFaults, zeroPage, rate, firstPages);
    }

    /** These costs with other first pages. */
    public Overheads withFirstPages(FirstPages f) {
        return new Overheads(preparation, resume, deviceState, syncPerGiB, announce, postCopyPlacement,
                resumeFaults, zeroPageCost, switchOverRate, f);
    }

    /** The dirty-bitmap sync of a guest of {@code memoryBytes}, in seconds: once per round and at the switch-over. */
    public double syncSeconds(long memoryBytes) {
        return syncPerGiB.toNanos() / 1e9 * memoryBytes / (double) ByteSize.GIB;
    }
}
