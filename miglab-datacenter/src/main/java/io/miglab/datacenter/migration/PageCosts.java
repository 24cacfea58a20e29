package io.miglab.datacenter.migration;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;

/**
 * Wire bytes per page in the rate-based model, the expected values of the page-level simulator's
 * {@code PageCostModel}: a zero page is its header (Optimisations.zeroPageBytes), a data page its header plus the page (compressed if
 * compression is on), an XBZRLE hit its header plus the delta.
 */
final class PageCosts {
    final int pageSize;
    final double zeroPage;
    final double dataPage;
    final double deltaPage;
    final boolean zeroElision;
    final double xbzrleCachePages;
    /** Pages the writer keeps returning to (its array or hot set), for the XBZRLE overlap estimate. */
    final double writerRegionPages;
    /** Highest wire rate the compressor allows, in bytes per second; +infinity without compression. */
    final double compressorWireCap;

    PageCosts(MigrationSpec spec) {
        pageSize = spec.memory().pageSizeBytes();
        int pages = spec.memory().pages();
        Optimisations o = spec.optimisations();
        zeroElision = o.zeroPageElision();
        zeroPage = o.zeroPageBytes();
        double share = o.compression().isPresent() ? 1 - spec.memory().compressibility() : 1;
        dataPage = Optimisations.PAGE_HEADER_BYTES + (share < 1 ? Math.ceil(pageSize * share) : pageSize);
        compressorWireCap = o.compression().map(c -> c.throughput().bytesPerSecond() * dataPage / pageSize)
                .orElse(Double.POSITIVE_INFINITY);
        xbzrleCachePages = o.xbzrle().map(x -> (double) Integer.highestOneBit(
                (int) Math.min(Math.max(1, x.cacheSize().bytes() / pageSize), 1 << 30))).orElse(0.0);
        deltaPage = o.xbzrle().map(x -> Optimisations.PAGE_HEADER_BYTES
                + Math.ceil(pageSize * x.deltaRatio())).orElse(dataPage);
        if (spec.writeModel() instanceof SweepWrites s) writerRegionPages = s.arrayPages(pages);
        else if (spec.writeModel() instanceof WorkingSetWrites w) writerRegionPages = w.hotPages(pages);
        else writerRegionPages = pages;
    }

    /**
     * Expected XBZRLE hits among {@code pages} re-sent pages when the round before re-sent {@code previousPages}:
     * the share of them sent in that round (overlap within the writer's region) that the direct-mapped cache
     * still holds. An approximation: the page-level simulator tracks each slot.
     */
    double xbzrleHits(double pages, double previousPages) {
        if (xbzrleCachePages == 0 || previousPages <= 0 || pages <= 0) return 0;
        double overlap = Math.min(1, previousPages / writerRegionPages);
        double kept = Math.min(1, xbzrleCachePages / previousPages);
        return pages * overlap * kept;
    }

    /**
     * The post-copy phase's highest rate: its cap (QEMU max-postcopy-bandwidth, unlimited by default), the
     * compressor's, and on average over the push of {@code pages} pages ({@code bytes}, {@code zeroPages} zero
     * pages) the pace of MigrationSpec.postCopyPushSeconds: the destination reading and placing each page, and the
     * uncapped tail once what is pending fits bandwidth x downtime-limit.
     */
    static double postCopyRate(MigrationSpec spec, PageCosts costs, double bytes, double zeroPages, double pages) {
        double seconds = spec.postCopyPushSeconds(bytes, zeroPages, pages);
        double pushed = seconds > 0 ? bytes / seconds : Double.POSITIVE_INFINITY;
        return Math.min(pushed, costs.compressorWireCap);
    }

    /**
     * The switch-over's highest rate after pre-copy rounds, when QEMU has lifted its cap: the compressor's and
     * the paused source's (Overheads.switchOverRate); +infinity when nothing limits it.
     */
    double switchOverCap(MigrationSpec spec) {
        return Math.min(compressorWireCap, spec.overheads().switchOverRate().map(r -> r.bytesPerSecond())
                .orElse(Double.POSITIVE_INFINITY));
    }

    /** Whether the switch-over goes as a flow of its own: a cap to lift or a paused rate to apply. */
    boolean liftsCap(MigrationSpec spec) {
        return spec.link().bandwidthCap().isPresent() || spec.overheads().switchOverRate().isPresent();
    }
}
