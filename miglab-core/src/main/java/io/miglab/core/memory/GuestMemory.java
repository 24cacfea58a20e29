package io.miglab.core.memory;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;

/**
 * The guest's RAM as the migration sees it.
 *
 * @param size            RAM size; a whole number of pages
 * @param pageSizeBytes   page size, a power of two from 512 B to 2 MiB (4 KiB by default)
 * @param zeroPageShare   share of pages that are all zeros when the migration starts (0..1); a fresh guest is
 *                        mostly zeros, which is why a 256 MiB QEMU guest sends about 119 MiB
 * @param compressibility share of a page's bytes a generic compressor removes (0..1), used by compression
 * @param nonZeroTop      RAM at the top of the address space that holds no zero page at the start: a Linux guest
 *                        allocates its boot-time data top-down (memblock; the struct page array alone is 16 MiB per
 *                        GiB), and the top of RAM is the tail of every pass. The zero pages, {@code zeroPageShare}
 *                        of all pages, are spread over the rest ({@link MemoryLayout#MIDDLE}; under
 *                        {@link MemoryLayout#LINUX} the top block is at least this)
 * @param layout          where the writer's region and the used pages lie ({@link MemoryLayout}); null: middle
 */
public record GuestMemory(ByteSize size, int pageSizeBytes, double zeroPageShare, double compressibility,
                          ByteSize nonZeroTop, MemoryLayout layout) {
    public static final int DEFAULT_PAGE_SIZE = 4096;
    /** Page indices are {@code int}s: at 4 KiB pages that is 8 TiB of RAM. */
    public static final long MAX_PAGES = Integer.MAX_VALUE - 8;

    public GuestMemory {
        InvalidSpecException.require(pageSizeBytes >= 512 && pageSizeBytes <= 2 * 1024 * 1024
                && Integer.bitCount(pageSizeBytes) == 1, "page-size", "a power of two from 512 to 2MiB", pageSizeBytes);
        InvalidSpecException.require(size.bytes() >= pageSizeBytes, "memory", "at least one page", size);
        InvalidSpecException.require(size.bytes() % pageSizeBytes == 0, "memory",
                "a whole number of pages of " + pageSizeBytes + " B, like 1G or 1GiB (1GB is 10^9 B)",
                size.bytes() + " B");
        InvalidSpecException.require(size.bytes() / pageSizeBytes <= MAX_PAGES, "memory",
                "at most " + MAX_PAGES + " pages", size);
        InvalidSpecException.require(zeroPageShare >= 0 && zeroPageShare <= 1, "zero-pages", "a share from 0 to 1",
                zeroPageShare);
        InvalidSpecException.require(compressibility >= 0 && compressibility < 1, "compressibility",
                "a share from 0 to below 1", compressibility);
        nonZeroTop = nonZeroTop == null ? ByteSize.ofBytes(0) : nonZeroTop;
        layout = layout == null ? MemoryLayout.MIDDLE : layout;
        InvalidSpecException.require(nonZeroTop.bytes() <= size.bytes() * (1 - zeroPageShare) + pageSizeBytes,
                "non-zero-top", "at most the non-zero part of memory, " + ByteSize.format(size.bytes()
                        * (1 - zeroPageShare)), nonZeroTop);
    }

    /** Zero pages spread over all of memory. */
    public GuestMemory(ByteSize size, int pageSizeBytes, double zeroPageShare, double compressibility) {
        this(size, pageSizeBytes, zeroPageShare, compressibility, ByteSize.ofBytes(0));
    }

    /** The writer's region in the middle of RAM. */
    public GuestMemory(ByteSize size, int pageSizeBytes, double zeroPageShare, double compressibility,
                       ByteSize nonZeroTop) {
        this(size, pageSizeBytes, zeroPageShare, compressibility, nonZeroTop, MemoryLayout.MIDDLE);
    }

    public int nonZeroTopPages() {
        return (int) Math.min(pages(), nonZeroTop.bytes() / pageSizeBytes);
    }

    public static GuestMemory of(ByteSize size) {
        return new GuestMemory(size, DEFAULT_PAGE_SIZE, 0, 0);
    }

    public int pages() { return (int) (size.bytes() / pageSizeBytes); }

    public long bytes() { return size.bytes(); }

    public GuestMemory withZeroPageShare(double share) {
        return new GuestMemory(size, pageSizeBytes, share, compressibility, nonZeroTop, layout);
    }

    public GuestMemory withCompressibility(double c) {
        return new GuestMemory(size, pageSizeBytes, zeroPageShare, c, nonZeroTop, layout);
    }

    public GuestMemory withNonZeroTop(ByteSize top) {
        return new GuestMemory(size, pageSizeBytes, zeroPageShare, compressibility, top, layout);
    }

    public GuestMemory withLayout(MemoryLayout l) {
        return new GuestMemory(size, pageSizeBytes, zeroPageShare, compressibility, nonZeroTop, l);
    }
}
