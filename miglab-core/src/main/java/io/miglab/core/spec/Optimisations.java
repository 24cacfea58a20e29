package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Optional;

/**
 * Switches that change how many bytes a page costs on the wire, valid for every algorithm.
 *
 * @param zeroPageElision send an all-zero page as a header only (QEMU always does; {@code duplicate} in query-migrate)
 * @param xbzrle          delta-encode re-sent pages found in the cache
 * @param compression     compress pages with a generic compressor
 * @param multifdChannels QEMU's multifd: pages go over this many channels (0: the one migration stream)
 */
public record Optimisations(boolean zeroPageElision, Optional<Xbzrle> xbzrle, Optional<Compression> compression,
                            int multifdChannels) {
    /** Bytes on the wire for a page's header: QEMU's be64 offset-and-flags word. */
    public static final int PAGE_HEADER_BYTES = 8;
    /** QEMU's limit on multifd-channels (migration/options.c: 1 to 255). */
    public static final int MAX_MULTIFD_CHANNELS = 255;
    /** A multifd packet's pages: 128 pages of 4 KiB (migration/multifd.h, MULTIFD_PACKET_SIZE). */
    public static final long MULTIFD_PACKET_BYTES = 512 * 1024;
    /** QEMU's rate-limit period (migration/migration.h, BUFFER_DELAY 100 ms). */
    public static final double RATE_LIMIT_PERIOD_SECONDS = 0.1;

    /**
     * Bytes on the wire for a zero page: its header and one fill byte in the migration stream (QEMU 10
     * save_zero_page, migration/ram.c: save_page_header, then qemu_put_byte(file, 0); ram.transferred of the idle
     * 256 MiB corpus guest adds up to the byte with 9 B per zero page, not with 8); with multifd an 8-byte offset in
     * its packet (multifd_send_zero_page_detect, migration/multifd-zero-page.c).
     */
    public int zeroPageBytes() {
        return multifdChannels > 0 ? PAGE_HEADER_BYTES : PAGE_HEADER_BYTES + 1;
    }

    public Optimisations {
        xbzrle = xbzrle == null ? Optional.empty() : xbzrle;
        compression = compression == null ? Optional.empty() : compression;
        InvalidSpecException.require(multifdChannels >= 0 && multifdChannels <= MAX_MULTIFD_CHANNELS,
                "multifd-channels", "0 (off) to " + MAX_MULTIFD_CHANNELS, multifdChannels);
        // QEMU sends XBZRLE pages only on the main stream (ram_save_target_page_legacy); multifd has no cache
        InvalidSpecException.require(multifdChannels == 0 || xbzrle.isEmpty(), "multifd-channels",
                "0 with --xbzrle (QEMU encodes XBZRLE only on the main stream)", multifdChannels);
    }

    /** One migration stream. */
    public Optimisations(boolean zeroPageElision, Optional<Xbzrle> xbzrle, Optional<Compression> compression) {
        this(zeroPageElision, xbzrle, compression, 0);
    }

    /**
     * The rate pre-copy's pages get over {@code link}. One stream gets the link or the cap, whichever is lower; with
     * multifd, more than the cap. QEMU 10 charges a multifd packet to the rate limit only once its channel has
     * written it (multifd.c, multifd_send_thread: {@code mig_stats.multifd_bytes} grows by the packet's iovecs after
     * qio_channel_writev_full_all returns), while the migration thread hands packets over before that
     * (multifd_send, called from multifd_queue_page when its 128-page queue is full). migration_rate_exceeded
     * (migration-stats.c) compares the bytes charged since migration_rate_reset with cap x 100 ms, and
     * ram_save_iterate checks it before each page; once it trips, migration_rate_limit (migration.c) sleeps to the
     * end of the period, the packets the channels still hold arrive meanwhile, and migration_update_counters resets
     * the budget from the bytes counted by then: those packets are charged to no period. They are at least the one
     * the channel whose write tripped the budget has just been handed (in a burst the migration thread waits in
     * multifd_send with a full queue, and the check comes only after the handover) and at most one per channel;
     * with nothing known of the other channels' phase, half of them: (channels + 1) / 2 packets of
     * {@link #MULTIFD_PACKET_BYTES} per period beyond the budget, never more than the link. The measured bandwidth
     * that sets the switch-over threshold (migration_update_counters) counts them too, so the same rate serves both.
     */
    public DataRate precopyRate(Link link) {
        DataRate rate = link.effectiveBandwidth();
        if (multifdChannels == 0 || link.bandwidthCap().isEmpty()
                || link.bandwidthCap().get().bytesPerSecond() >= link.bandwidth().bytesPerSecond()) {
            return rate;
        }
        double extra = multifdUnchargedPackets() * MULTIFD_PACKET_BYTES / RATE_LIMIT_PERIOD_SECONDS;
        return DataRate.ofBytesPerSecond(Math.min(link.bandwidth().bytesPerSecond(), rate.bytesPerSecond() + extra));
    }

    /**
     * The rate QEMU's switch-over threshold counts with multifd, as a factor of {@link #precopyRate}'s mean: QEMU
     * compares what is pending with the last period's own bandwidth x the downtime limit (migration.c,
     * migration_update_counters), and a period counts the budget and 0 to {@code channels} packets charged to no
     * period. After the first pass the period with every channel's packet is the most common (QEMU's trace events,
     * per-period migrate_transferred, 2026-12-01: 15 of 30 periods at 4 channels, 47 of 70 at 2; over the whole
     * migration 2.45 and 1.49 packets a period, the mean rate's), so a migration whose pending hovers about the
     * threshold completes at such a period. 1 without multifd or cap.
     */
    public double thresholdRateFactor(Link link) {
        double mean = precopyRate(link).bytesPerSecond();
        double cap = link.effectiveBandwidth().bytesPerSecond();
        if (mean <= cap) return 1;
        double all = Math.min(link.bandwidth().bytesPerSecond(),
                cap + multifdChannels * MULTIFD_PACKET_BYTES / RATE_LIMIT_PERIOD_SECONDS);
        return all / mean;
    }

    /** Multifd packets in flight when a rate-limit period's budget trips, on average (see {@link #precopyRate}). */
    public double multifdUnchargedPackets() {
        return multifdChannels == 0 ? 0 : (multifdChannels + 1) / 2.0;
    }

    public Optimisations withMultifdChannels(int channels) {
        return new Optimisations(zeroPageElision, xbzrle, compression, channels);
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
