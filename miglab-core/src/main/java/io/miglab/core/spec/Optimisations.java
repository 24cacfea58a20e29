package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Optional;

/**
 * Switches that change how many bytes a page costs on the wire, valid for every algorithm.
 *
 * @param zeroPageElision send an all-zero page as a header only (QEMU always does; {@code duplicate} in query-migrate)
 * @param xbzrle          delta-encode re-sent pages found in the cache
 * @param compression     compress pages with a generic compressor
 */
public record Optimisations(boolean zeroPageElision, Optional<Xbzrle> xbzrle, Optional<Compression> compression) {
    /** Bytes on the wire for a zero page or a page header: QEMU's be64 offset-and-flags word. */
    public static final int PAGE_HEADER_BYTES = 8;

    public Optimisations {
        xbzrle = xbzrle == null ? Optional.empty() : xbzrle;
        compression = compression == null ? Optional.empty() : compression;
    }

    public static Optimisations defaults() {
        return new Optimisations(true, Optional.empty(), Optional.empty());
    }

    public static Optimisations none() {
        return new Optimisations(false, Optional.empty(), Optional.empty());
    }

    /**
     * XBZRLE (QEMU migration/xbzrle.c): a cache of recently sent pages; a re-sent page found there is sent as
     * an encoded delta of {@code deltaRatio} of a page. Pages enter the cache when re-sent after the first pass.
     */
    public record Xbzrle(ByteSize cacheSize, double deltaRatio) {
        public Xbzrle {
            InvalidSpecException.require(cacheSize.bytes() > 0, "xbzrle-cache", "a size > 0", cacheSize);
            InvalidSpecException.require(deltaRatio > 0 && deltaRatio <= 1, "xbzrle-delta",
                    "a share of a page from above 0 to 1", deltaRatio);
        }

        public static Xbzrle qemuDefaults() {
            return new Xbzrle(ByteSize.ofMiB(64), 0.01);
        }
    }

    /** Generic compression: the ratio comes from the memory's compressibility; the CPU can only compress so fast. */
    public record Compression(DataRate throughput) { }
}
