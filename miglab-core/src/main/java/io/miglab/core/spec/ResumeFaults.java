package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import java.time.Duration;

/**
 * The guest's pause after a switch into post-copy, beyond the switch-over: the pages it touches one after another
 * as it resumes on the destination, each a demand fault while it is still at the source. The one definition the
 * page-level session, the rate-based migration and the closed form use ({@link #pauseSeconds}).
 *
 * <p>QEMU 10: {@code postcopy_start} (migration/migration.c) stops the guest, sends the discard bitmap
 * ({@code ram_postcopy_send_discard_bitmap}) and the device state in one package, and the destination starts the
 * guest with every page not yet received missing. Each page the guest then touches blocks its vCPU in
 * userfaultfd until the page is placed: {@code postcopy_ram_fault_thread} (migration/postcopy-ram.c) asks the
 * source on the return path, whose {@code ram_save_queue_pages} (migration/ram.c) queues it for
 * {@code get_queued_page}, ahead of the background scan but behind what the main channel already holds. With
 * postcopy-preempt the page goes on a channel of its own; without, it waits for those bytes to drain at the
 * post-copy rate (max-postcopy-bandwidth paces the channel). One fault therefore costs
 * {@code service + round trip + page / link}, plus {@code aheadInStream / post-copy rate} without preempt, and the
 * guest waits for {@code pages x pending share} of them one after another, never longer than the push itself takes
 * (after that no page is missing). With postcopy-preempt every resume page faults, at any switch; without, the
 * share of them that faults is the RAM-wide pending share (see {@link #pauseSeconds}; docs/qemu-vs-sim.md has the
 * hybrid runs this rests on).
 *
 * @param pages         pages the guest touches one after another when it resumes (a property of the guest: what its
 *                      kernel and its busiest processes touch first); 0: no pause beyond the switch-over
 * @param service       per fault, beside the wire: the hosts' handling (userfaultfd wake-up, request, placement)
 * @param aheadInStream without postcopy-preempt, the bytes ahead of a demand page in the main channel
 */
public record ResumeFaults(int pages, Duration service, ByteSize aheadInStream) {
    public static final int MAX_PAGES = 1_000_000;

    public ResumeFaults {
        InvalidSpecException.require(pages >= 0 && pages <= MAX_PAGES, "resume-pages", "0 to " + MAX_PAGES, pages);
        InvalidSpecException.require(service != null && !service.isNegative(), "resume-fault-cost",
                "a duration >= 0", service);
        InvalidSpecException.require(aheadInStream != null, "resume-fault-queue", "a size >= 0", aheadInStream);
    }

    /** No pause beyond the switch-over. */
    public static ResumeFaults none() {
        return new ResumeFaults(0, Duration.ZERO, ByteSize.ofBytes(0));
    }

    public ResumeFaults withPages(int n) {
        return new ResumeFaults(n, service, aheadInStream);
    }

    /** Seconds one demand fault stalls the guest under {@code spec} (its link, page size and preempt setting). */
    public double faultSeconds(MigrationSpec spec) {
        double page = spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES;
        double seconds = service.toNanos() / 1e9 + spec.link().roundTripSeconds()
                + page / spec.link().bandwidth().bytesPerSecond();
        if (!spec.postCopy().preempt()) {
            seconds += aheadInStream.bytes() / spec.link().postCopyBandwidth().bytesPerSecond();
        }
        return seconds;
    }

    /**
     * The pause after the guest resumed on the destination: {@code pages x pendingShare} faults of
     * {@link #faultSeconds} each, at most {@code pushSeconds} (the background push then has every page there).
     *
     * @param pendingShare share of the guest's pages still at the source at the switch (0 to 1)
     * @param pushSeconds  how long the post-copy push takes
     */
    public double pauseSeconds(MigrationSpec spec, double pendingShare, double pushSeconds) {
        if (pages == 0 || pendingShare <= 0) return 0;
        // the pages a guest touches on resume are the ones it keeps writing, pending at any switch (the switch's
        // last sync re-marks them). Without preempt, ram_save_queue_pages/get_queued_page (migration/ram.c) move
        // the one precopy channel's scan to each requested page, so the stream carries its neighbours next and
        // fewer of them fault: the RAM-wide pending share stands for that. With preempt the request is served on
        // its own channel (RAM_CHANNEL_POSTCOPY) and the background scan does not move, so every one faults.
        double share = spec.postCopy().preempt() ? 1 : Math.min(1, pendingShare);
        return Math.min(Math.max(0, pushSeconds), pages * share * faultSeconds(spec));
    }
}
