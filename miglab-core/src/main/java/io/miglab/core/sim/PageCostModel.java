package io.miglab.core.sim;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.Optimisations;

/**
 * Bytes on the wire for one page, given what the page holds and which optimisations are on. Keeps the state the
 * optimisations need: which pages are still all zeros, and the XBZRLE cache.
 */
final class PageCostModel {
    private final int pageSize;
    private final boolean zeroElision;
    private final int zeroPageBytes;
    /** The pages still all zeros; null when the guest has none (then no write needs to clear one). */
    private final PageBitmap zero;
    /** QEMU's XBZRLE cache, or null without XBZRLE. */
    final XbzrleCache xbzrle;
    /** Stop-and-copy: QEMU's last stage, where XBZRLE misses are not inserted. */
    private boolean lastStage;
    private final double compressedShare;
    /** The compressor's input rate in bytes per second; 0 without compression. */
    private final double compressorBytesPerSecond;
    /** Page bytes fed to the compressor, for its CPU time. */
    long bytesCompressed;

    PageCostModel(GuestMemory memory, Optimisations options, long seed) {
        this(memory, options, seed, new int[] {0, 0});
    }

    /**
     * @param inUse the range of pages the guest's writer keeps writing: pages in use, so none of them is a zero page
     *              (a writer's working set is part of the used memory the zero-page share leaves); the zero pages
     *              keep their total share, spread over the rest
     */
    PageCostModel(GuestMemory memory, Optimisations options, long seed, int[] inUse) {
        this.pageSize = memory.pageSizeBytes();
        this.zeroElision = options.zeroPageElision();
        this.zeroPageBytes = options.zeroPageBytes();
        this.compressorBytesPerSecond = options.compression().map(c -> c.throughput().bytesPerSecond()).orElse(0.0);
        this.zero = memory.zeroPageShare() > 0 ? ZeroPages.layout(memory, seed, inUse) : null;
        this.xbzrle = options.xbzrle().map(x -> new XbzrleCache(x.cacheSize().bytes(), pageSize, x.deltaRatio())).orElse(null);
        this.compressedShare = options.compression().isPresent() ? 1 - memory.compressibility() : 1;
    }

    /** A write makes the page non-zero. */
    void written(int page) {
        if (zero != null) zero.clear(page);
    }

    void writtenRange(int from, int to) {
        if (zero != null) zero.clearRange(from, to);
    }

    void writtenWords(int firstWord, long[] bits, int count) {
        if (zero != null) zero.clearWords(firstWord, bits, count);
    }

    /** Whether writes must be reported one by one (to clear zero pages); without zero pages they change nothing here. */
    boolean tracksWrites() { return zero != null; }

    boolean isZero(int page) { return zeroElision && zero != null && zero.get(page); }

    /** The pages among {@code bits} of word {@code word} that go as zero-page headers. */
    long zeroBits(int word, long bits) {
        return zeroElision && zero != null ? bits & zero.word(word) : 0;
    }

    /**
     * Wire bytes for sending the pages {@code bits} of word {@code word} in address order: the same sum as
     * {@link #cost} page by page, by popcount where every page of a kind costs the same (all but XBZRLE re-sends,
     * whose cache depends on the order, and which go page by page).
     */
    long costWord(int word, long bits, boolean deltaAllowed) {
        long zeros = zeroBits(word, bits);
        long rest = bits & ~zeros;
        long bytes = (long) Long.bitCount(zeros) * zeroPageBytes;
        if (rest == 0) return bytes;
        if (xbzrle != null && deltaAllowed) {
            for (long w = rest; w != 0; w &= w - 1) bytes += cost((word << 6) + Long.numberOfTrailingZeros(w), true);
            return bytes;
        }
        int n = Long.bitCount(rest);
        if (compressedShare < 1) bytesCompressed += (long) n * pageSize;
        return bytes + n * plainPageBytes();
    }

    /**
     * Wire bytes for sending {@code page}. {@code deltaAllowed}: XBZRLE is used only for re-sends after the first
     * full pass, as QEMU does (it skips the cache during the bulk stage).
     */
    long cost(int page, boolean deltaAllowed) {
        if (isZero(page)) return zeroPageBytes;
        if (xbzrle != null && deltaAllowed) return xbzrle.send(page, lastStage);
        if (compressedShare < 1) bytesCompressed += pageSize;
        return plainPageBytes();
    }

    /**
     * Whether every page of a kind costs the same whatever its order (no XBZRLE cache): then a run of words costs
     * {@link #countedBytes} of its page counts.
     */
    boolean costsByCount() { return xbzrle == null; }

    /** Wire bytes of {@code pages} sent whole of which {@code zeros} are zero pages: {@link #costWord}'s sum. */
    long countedBytes(long pages, long zeros) {
        long rest = pages - zeros;
        if (compressedShare < 1) bytesCompressed += rest * pageSize;
        return zeros * zeroPageBytes + rest * plainPageBytes();
    }

    /** Wire bytes of a page that is not a zero page, sent whole (compressed if compression is on), not as a delta. */
    long plainPageBytes() {
        if (compressedShare < 1) return Optimisations.PAGE_HEADER_BYTES + (long) Math.ceil(pageSize * compressedShare);
        return Optimisations.PAGE_HEADER_BYTES + pageSize;
    }

    /** A dirty-bitmap sync: the XBZRLE cache's generation moves on. */
    void synced() {
        if (xbzrle != null) xbzrle.synced();
    }

    /** From now on QEMU is in its last stage (the switch-over). */
    void lastStage() { lastStage = true; }

    /** Wire time, or the compressor's time when it is the slower of the two (they run pipelined). */
    double transferSeconds(long wireBytes, long compressedInputBytes, double rate) {
        double wire = wireBytes / rate;
        if (compressorBytesPerSecond == 0 || compressedInputBytes == 0) return wire;
        return Math.max(wire, compressedInputBytes / compressorBytesPerSecond);
    }
}
