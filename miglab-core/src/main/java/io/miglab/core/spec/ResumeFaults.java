package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
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
 * {@code get_queued_page}, ahead of the background scan but behind what the main channel already holds.
 *
 * <p>Two ways the faults are served, and the pause is the longer:
 * <ul>
 * <li><b>At once</b> (postcopy-preempt, whose page goes on a channel of its own, or a stream that never waits): one
 * fault costs {@code service + round trip + page / link}, plus {@code aheadInStream / link} without preempt, and the
 * guest waits for its faults one after another.</li>
 * <li><b>In the rate limit's windows</b> (without preempt, post-copy capped by max-postcopy-bandwidth): the migration
 * thread sends a 100 ms period's budget at the start of the period and then waits, and while the budget is spent
 * {@code qemu_savevm_state_iterate} (migration/savevm.c) returns before RAM's iterate, so a queued page waits for
 * the next period although {@code migration_rate_limit} woke for it (QEMU's trace events of the corpus's capped
 * runs: requests made after the burst are sent at the next period's start, 100 ms apart). The guest therefore runs
 * only in each period's window: the burst ({@code cap / link} of the period) and {@code turnaround} after it (the
 * queued page's trip and the guest's run to its next missing page). It needs {@code runPerPage} of running per
 * resume page, so the pause is {@code faults x runPerPage x period / window}.</li>
 * </ul>
 * With postcopy-preempt every resume page faults, at any switch. Without, only those still at the source fault: the
 * pages the guest keeps writing ({@code writtenShare} of them), pending at any switch since the switch's own sync
 * marks them, and of the pages it only reads (its kernel's text and data) the share still unsent, which the caller
 * gives ({@link #pauseSeconds}): under the Linux layout the kernel's block at the bottom of RAM, which a first pass
 * sends first, so a hybrid that switches mid-pass after the pass went by it pays about what a hybrid after its rounds
 * pays (docs/qemu-vs-sim.md, "Hybrid switches in the middle of the first pass"). The pause never outlasts the push
 * (after it no page is missing).
 *
 * @param pages         pages the guest touches one after another when it resumes (a property of the guest: what its
 *                      kernel and its busiest processes touch first); 0: no pause beyond the switch-over
 * @param service       per fault served at once, beside the wire: the hosts' handling (userfaultfd wake-up, request,
 *                      placement)
 * @param aheadInStream without postcopy-preempt, the bytes ahead of a demand page in the main channel
 * @param writtenShare  the share of the pages that the guest writes (0 to 1), the others it only reads
 * @param runPerPage    per resume page, the guest's own running time while its faults are served in the rate
 *                      limit's windows; 0: no window wait
 * @param turnaround    per rate-limit period, how long the guest runs beyond the burst
 */
public record ResumeFaults(int pages, Duration service, ByteSize aheadInStream, double writtenShare,
                           Duration runPerPage, Duration turnaround) {
    public static final int MAX_PAGES = 1_000_000;

    /** Every resume page read only, no window wait: without preempt the pending share alone decides. */
    public ResumeFaults(int pages, Duration service, ByteSize aheadInStream) {
        this(pages, service, aheadInStream, 0, Duration.ZERO, Duration.ZERO);
    }

    /** No window wait: every fault served at once. */
    public ResumeFaults(int pages, Duration service, ByteSize aheadInStream, double writtenShare) {
        this(pages, service, aheadInStream, writtenShare, Duration.ZERO, Duration.ZERO);
    }

    public ResumeFaults {
        InvalidSpecException.require(writtenShare >= 0 && writtenShare <= 1, "resume-written", "a share from 0 to 1",
                writtenShare);
        InvalidSpecException.require(pages >= 0 && pages <= MAX_PAGES, "resume-pages", "0 to " + MAX_PAGES, pages);
        InvalidSpecException.require(service != null && !service.isNegative(), "resume-fault-cost",
                "a duration >= 0", service);
        InvalidSpecException.require(aheadInStream != null, "resume-fault-queue", "a size >= 0", aheadInStream);
        InvalidSpecException.require(runPerPage != null && !runPerPage.isNegative(), "resume-run",
                "a duration >= 0", runPerPage);
        InvalidSpecException.require(turnaround != null && !turnaround.isNegative(), "resume-turnaround",
                "a duration >= 0", turnaround);
    }

    /** No pause beyond the switch-over. */
    public static ResumeFaults none() {
        return new ResumeFaults(0, Duration.ZERO, ByteSize.ofBytes(0));
    }

    public ResumeFaults withPages(int n) {
        return new ResumeFaults(n, service, aheadInStream, writtenShare, runPerPage, turnaround);
    }

    public ResumeFaults withWrittenShare(double share) {
        return new ResumeFaults(pages, service, aheadInStream, share, runPerPage, turnaround);
    }

    public ResumeFaults withWindows(Duration run, Duration turn) {
        return new ResumeFaults(pages, service, aheadInStream, writtenShare, run, turn);
    }

    /** Seconds one demand fault served at once stalls the guest under {@code spec} (its link, page, preempt). */
    public double faultSeconds(MigrationSpec spec) {
        double page = spec.memory().pageSizeBytes() + Optimisations.PAGE_HEADER_BYTES;
        double link = spec.link().bandwidth().bytesPerSecond();
        double seconds = service.toNanos() / 1e9 + spec.link().roundTripSeconds() + page / link;
        if (!spec.postCopy().preempt()) seconds += aheadInStream.bytes() / link;
        return seconds;
    }

    /**
     * Seconds the guest's faults take when they are served only in the rate limit's windows: {@code faults x
     * runPerPage x period / window}, the window being the period's burst and the turnaround (at most the period); 0
     * with postcopy-preempt.
     */
    public double windowedSeconds(MigrationSpec spec, double faults) {
        if (spec.postCopy().preempt()) return 0;
        double period = Optimisations.RATE_LIMIT_PERIOD_SECONDS;
        double window = Math.min(period, spec.link().postCopyBurstShare() * period + turnaround.toNanos() / 1e9);
        return window <= 0 ? 0 : faults * runPerPage.toNanos() / 1e9 * period / window;
    }

    /**
     * The read-only resume pages' pending share ({@link #pauseSeconds}) for an engine that keeps no map of pages:
     * under the Linux layout the share of the kernel's block (MemoryLayout.kernelBlockEnd, at the bottom of RAM) the
     * first pass has not yet sent, in address order as QEMU's scan goes (1 before it starts, 0 once it is done);
     * under a layout that places nothing, the RAM-wide pending share. The page-level session counts the same block's
     * pending pages on its bitmap.
     *
     * @param firstPassSentPages pages the first pass has sent, zero pages included ({@code memory.pages()} when done)
     * @param pendingPages       pages still at the source at the switch
     */
    public static double readPendingShare(MigrationSpec spec, double firstPassSentPages, double pendingPages) {
        GuestMemory memory = spec.memory();
        if (memory.layout() == MemoryLayout.MIDDLE) return pendingPages / memory.pages();
        int kernelEnd = memory.layout().kernelBlockEnd(memory, spec.writeModel().writableRange(memory)[0]);
        return Math.max(0, Math.min(1, (kernelEnd - firstPassSentPages) / kernelEnd));
    }

    /**
     * The pause after the guest resumed on the destination: {@code pages x share} faults, served at once
     * ({@link #faultSeconds} each) or in the rate limit's windows ({@link #windowedSeconds}), whichever is longer,
     * at most {@code pushSeconds} (the background push then has every page there); none when nothing is pending
     * ({@code pushSeconds} 0). The share is 1 with postcopy-preempt, else
     * {@code writtenShare + (1 - writtenShare) x readPendingShare}.
     *
     * @param readPendingShare the share of the pages the guest only reads still at the source at the switch (0 to
     *                         1): the page-level session counts them on its bitmap, the rate-based engines take
     *                         {@link #readPendingShare}
     * @param pushSeconds      how long the post-copy push takes
     */
    public double pauseSeconds(MigrationSpec spec, double readPendingShare, double pushSeconds) {
        if (pages == 0 || pushSeconds <= 0) return 0;
        // Without preempt, ram_save_queue_pages/get_queued_page (migration/ram.c) move the one precopy channel's
        // scan to each requested page, so the stream carries its neighbours next. With preempt the request is
        // served on its own channel (RAM_CHANNEL_POSTCOPY) and the background scan does not move: every resume page
        // faults in the stored runs, after rounds or at once alike.
        double read = Math.max(0, Math.min(1, readPendingShare));
        double share = spec.postCopy().preempt() ? 1 : writtenShare + (1 - writtenShare) * read;
        double faults = pages * share;
        return Math.min(pushSeconds, Math.max(faults * faultSeconds(spec), windowedSeconds(spec, faults)));
    }
}
