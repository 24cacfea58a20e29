package io.miglab.core.sim;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.write.PageSink;

/**
 * Post-copy after the switch-over: the guest runs on the destination while the source pushes the remaining pages
 * at the post-copy rate (QEMU: max-postcopy-bandwidth, the link's own rate by default), each read off the stream
 * and then placed by one destination thread at its page cost (one UFFDIO_COPY or UFFDIO_ZEROPAGE per page, zero
 * pages included: migration/postcopy-ram.c, postcopy_place_page and postcopy_place_page_zero; the two add up), a
 * zero page no faster than the source checks it (MigrationSpec.postCopyHostSeconds). A page the guest touches before it
 * has arrived is a demand fault; the guest waits for it:
 * <ul>
 *   <li>with postcopy-preempt, a round trip plus the page at the link's rate on a channel of its own, outside the
 *   push's cap; the push goes on where it was;</li>
 *   <li>without, the request queues in the push's stream (migration/ram.c, get_queued_page): under a cap, the
 *   migration thread sends one rate-limit period's budget at the link's rate and then sleeps, and a request that
 *   comes after the budget is spent waits for the next period (migration/savevm.c, qemu_savevm_state_iterate
 *   returns while the rate is exceeded); the page counts against the budget, and the push continues after it.</li>
 * </ul>
 * With pre-paging, the pages after a faulted one follow at once. Time advances in slices short enough that each
 * holds a handful of guest accesses. The guest's pause after the switch-over goes on while it waits more than it
 * runs in a slice ({@link io.miglab.core.result.Timeline#pausedAfterResume}), and at least as long as the pages it
 * touches first on resume take ({@link io.miglab.core.spec.ResumeFaults}, the pending share at the switch and the
 * push's own duration).
 */
final class PostCopyPusher {
    private final MigrationSession session;
    private final PageBitmap pending;
    private final int prepaging;
    /** The push's rate (bytes per second) and the link's own, which a demand page gets on its own channel. */
    private final double pushRate;
    private final double linkRate;
    private final boolean preempt;
    /** What may be pending when the rest goes uncapped (MigrationSpec.postCopyCompletionBytes), and a page's size. */
    private final double completionBytes;
    private final int pageSize;
    /** The push between the demand faults, and where it reports each word it pushed. */
    private final BackgroundPush push;
    private final BackgroundPush.Pushed accountPushed;
    private final PageCostModel costs;
    private final double roundTrip;
    private final double slice;
    private int[] touched = new int[64];
    private int touchedCount;
    /** Pages still at the source; kept as a count because scanning the bitmap is O(memory). */
    private long remaining;
    /** The range the guest's writer can touch, and how many of its pages are still at the source. */
    private final int writableFrom;
    private final int writableTo;
    private long remainingWritable;

    PostCopyPusher(MigrationSession session) {
        this.session = session;
        this.pending = session.pending();
        this.prepaging = session.spec().postCopy().prepagingPages();
        this.preempt = session.spec().postCopy().preempt();
        this.pushRate = session.spec().link().postCopyBandwidth().bytesPerSecond();
        this.linkRate = session.spec().link().bandwidth().bytesPerSecond();
        this.completionBytes = session.spec().postCopyCompletionBytes();
        this.pageSize = session.pageSize();
        this.roundTrip = session.spec().link().roundTripSeconds();
        double rate = session.spec().writeModel().pagesPerSecond();
        this.slice = rate > 0 ? Math.min(1.0, Math.max(0.0005, 16 / rate)) : 1.0;
        int[] writable = session.spec().writeModel().writableRange(session.spec().memory());
        this.writableFrom = writable[0];
        this.writableTo = writable[1];
        this.costs = session.pageCosts();
        this.push = new BackgroundPush(pending, pageSize, session.spec().optimisations().zeroPageBytes(),
                costs.plainPageBytes(), pushRate, linkRate, completionBytes,
                session.spec()::postCopyHostSeconds);
        this.push.cursor = resumeCursor(session.spec());
        this.accountPushed = (word, bits) -> {
            remainingWritable -= Long.bitCount(bits & PageBitmap.wordMask(word, writableFrom, writableTo));
            session.sendPostCopy(word, bits);
        };
    }

    /**
     * Where the background push starts. QEMU restarts its scan at page 0 when post-copy starts
     * ({@code ram_postcopy_send_discard_bitmap}, migration/ram.c). Without postcopy-preempt the pages the guest touches
     * first on resume ({@link io.miglab.core.spec.ResumeFaults}) move that scan: {@code get_queued_page} sends the
     * requested page and {@code ram_find_and_save_block} goes on from it. Under the Linux layout those are the
     * kernel's boot-time data at the top of RAM (per-CPU areas, struct pages; memblock allocates top-down), so the
     * push goes on from that block's start, wraps at the end of RAM and sends the zero block last.
     */
    static int resumeCursor(MigrationSpec spec) {
        GuestMemory memory = spec.memory();
        if (!spec.postCopyUsedPagesFirst()) return 0;
        return memory.pages() - memory.layout().topSpanPages(memory);
    }

    void run() {
        PageSink collect = new PageSink() {
            @Override
            public void page(int index) {
                if (touchedCount == touched.length) touched = java.util.Arrays.copyOf(touched, touched.length * 2);
                touched[touchedCount++] = index;
            }
        };
        double start = session.clock;
        double writerPause = 0;
        boolean pausing = true;
        // the push's budgets in seconds: the wire (bytes at its rate) and the hosts (each page read off the stream,
        // then placed or checked: MigrationSpec.postCopyHostSeconds) run side by side, so the push goes at the
        // pace of the slower of the two over the whole phase
        remaining = pending.cardinality();
        if (session.spec().postCopyUsedPagesFirst()) push.usedFirst(costs::zeroBits);
        int kernelEnd = session.spec().memory().layout().kernelBlockEnd(session.spec().memory(), writableFrom);
        double readPendingShare = pending.cardinality(0, kernelEnd) / (double) kernelEnd;
        remainingWritable = pending.cardinality(writableFrom, writableTo);
        while (remaining > 0) {
            touchedCount = 0;
            // a slice ends where an injected failure falls, so the failure finds what was sent by then
            double step = Math.min(slice, session.failures.untilPostCopyFailure());
            // once every page the writer can touch has arrived, its writes cannot fault: they need not be drawn
            // (at billions of writes per second drawing them would cost more than the whole rest of the run)
            if (remainingWritable > 0) session.runGuestOnDestination(step, collect);
            else session.runGuestOnDestinationUnobserved(step);
            double stall = 0;
            double demandWire = 0;
            double demandPlace = 0;
            for (int i = 0; i < touchedCount; i++) {
                int p = touched[i];
                if (!pending.get(p)) continue;
                session.timeline.faulted(1);
                int zero = costs.isZero(p) ? 1 : 0;
                long b = send(p);
                int end = Math.min(pending.pages(), p + 1 + prepaging);
                for (int q = p + 1; q < end; q++) {
                    if (pending.get(q)) {
                        if (costs.isZero(q)) zero++;
                        b += send(q);
                    }
                }
                double page = session.spec().postCopyHostSeconds(b, zero);
                if (preempt) {
                    stall += roundTrip + page;
                } else {
                    double at = session.clock - start + step * (i + 0.5) / touchedCount + stall;
                    stall += roundTrip + queueWait(at) + page;
                    demandWire += b / pushRate;
                    demandPlace += page;
                    push.cursor = end;
                }
            }
            double wall = step + stall;
            if (pausing) {
                if (stall > step) writerPause += wall;
                else pausing = false;
            }
            push.wire += wall - demandWire;
            push.place += wall - demandPlace;
            remaining -= push.run(remaining, costs::zeroBits, accountPushed);
            if (remaining == 0) wall -= Math.min(step, Math.max(0, Math.min(push.wire, push.place)));
            session.advanceWall(wall, stall);
            if (session.failures.postCopyFailed(remainingWritable > 0, pushRate)) {
                session.timeline.pausedAfterResume(writerPause);
                return;
            }
        }
        double resumePause = session.spec().overheads().resumeFaults().pauseSeconds(session.spec(), readPendingShare,
                session.clock - start);
        session.timeline.pausedAfterResume(Math.max(writerPause, resumePause));
    }

    /**
     * How long a request made {@code at} seconds into post-copy waits for the push's stream. Uncapped, the stream
     * runs at the link's rate and the page goes next; capped, the period's budget (the cap x 100 ms) goes at the
     * link's rate at the period's start, and a request after that waits for the next period.
     */
    private double queueWait(double at) {
        if (pushRate >= linkRate || remaining * pageSize <= completionBytes) return 0;
        double period = Optimisations.RATE_LIMIT_PERIOD_SECONDS;
        double phase = at % period;
        double burst = session.spec().link().postCopyBurstShare() * period;
        return phase < burst ? 0 : period - phase;
    }

    private long send(int page) {
        pending.clear(page);
        push.sent(page);
        remaining--;
        if (page >= writableFrom && page < writableTo) remainingWritable--;
        return session.sendPostCopy(page >>> 6, 1L << page);
    }
}
