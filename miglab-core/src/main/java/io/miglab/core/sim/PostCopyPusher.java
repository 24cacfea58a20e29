package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import io.miglab.core.write.PageSink;

/**
 * Post-copy after the switch-over: the guest runs on the destination while the source pushes the remaining pages
 * in address order. A page the guest touches before it has arrived is a fault: the guest waits a round trip plus
 * the page's own transfer, and the page jumps the queue; with pre-paging, the pages after it follow at once.
 * Time advances in slices short enough that each holds a handful of guest accesses.
 */
final class PostCopyPusher {
    private final MigrationSession session;
    private final PageBitmap pending;
    private final int prepaging;
    private final double bandwidth;
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
        this.bandwidth = session.spec().link().postCopyBandwidth().bytesPerSecond();
        this.roundTrip = session.spec().link().roundTripSeconds();
        double rate = session.spec().writeModel().pagesPerSecond();
        this.slice = rate > 0 ? Math.min(1.0, Math.max(0.0005, 16 / rate)) : 1.0;
        int[] writable = session.spec().writeModel().writableRange(pending.pages());
        this.writableFrom = writable[0];
        this.writableTo = writable[1];
    }

    void run() {
        PageSink collect = new PageSink() {
            @Override
            public void page(int index) {
                if (touchedCount == touched.length) touched = java.util.Arrays.copyOf(touched, touched.length * 2);
                touched[touchedCount++] = index;
            }
        };
        double budget = 0;
        int cursor = 0;
        remaining = pending.cardinality();
        for (int p = pending.nextSet(writableFrom); p >= 0 && p < writableTo; p = pending.nextSet(p + 1)) {
            remainingWritable++;
        }
        while (remaining > 0) {
            touchedCount = 0;
            // a slice ends where an injected failure falls, so the failure finds what was sent by then
            double step = Math.min(slice, session.failures.untilPostCopyFailure());
            // once every page the writer can touch has arrived, its writes cannot fault: they need not be drawn
            // (at billions of writes per second drawing them would cost more than the whole rest of the run)
            if (remainingWritable > 0) session.runGuestOnDestination(step, collect);
            else session.runGuestOnDestinationUnobserved(step);
            double stall = 0;
            long demandBytes = 0;
            for (int i = 0; i < touchedCount; i++) {
                int p = touched[i];
                if (!pending.get(p)) continue;
                session.timeline.faulted(1);
                long b = send(p);
                demandBytes += b;
                stall += roundTrip + b / bandwidth;
                for (int q = p + 1, end = Math.min(pending.pages(), p + 1 + prepaging); q < end; q++) {
                    if (pending.get(q)) demandBytes += send(q);
                }
            }
            double wall = step + stall;
            budget += wall * bandwidth - demandBytes;
            while (budget > 0 && remaining > 0) {
                int p = pending.nextSet(cursor);
                if (p < 0) p = pending.nextSet(0);
                budget -= send(p);
                cursor = p + 1;
            }
            if (remaining == 0 && budget > 0) wall -= Math.min(step, budget / bandwidth);
            session.advanceWall(wall, stall);
            if (session.failures.postCopyFailed(remainingWritable > 0, bandwidth)) return;
        }
    }

    private long send(int page) {
        pending.clear(page);
        remaining--;
        if (page >= writableFrom && page < writableTo) remainingWritable--;
        return session.sendPostCopyPage(page);
    }
}
