package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.link.NasAssist;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.WriteModel;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one migration needs, validated once. Every backend (closed form, page-level simulator, real QEMU)
 * takes this and returns a {@link io.miglab.core.result.MigrationResult}.
 *
 * @param algorithm registry name: {@code stop-and-copy}, {@code precopy}, {@code postcopy}, {@code hybrid}, ...
 * @param storage   the VM's local disk and how it moves; empty: no local disk (or storage left out)
 * @param nas       NAS-assisted pre-copy: later rounds go through a NAS; empty: plain source-to-destination
 * @param protocol  the staged protocol: reservation at the destination, an injected failure, post-copy recovery
 */
public record MigrationSpec(GuestMemory memory, WriteModel writeModel, Link link, String algorithm,
                            TerminationPolicy policy, Optional<AutoConverge> autoConverge,
                            Optimisations optimisations, PostCopyOptions postCopy, Overheads overheads, long seed,
                            Optional<StorageSpec> storage, Optional<NasAssist> nas, ProtocolOptions protocol) {
    /** A spec with the protocol's defaults: room at the destination, no failure. */
    public MigrationSpec(GuestMemory memory, WriteModel writeModel, Link link, String algorithm,
                         TerminationPolicy policy, Optional<AutoConverge> autoConverge, Optimisations optimisations,
                         PostCopyOptions postCopy, Overheads overheads, long seed, Optional<StorageSpec> storage,
                         Optional<NasAssist> nas) {
        this(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy, overheads, seed,
                storage, nas, ProtocolOptions.defaults());
    }

    /** A spec without a local disk to move and without a NAS. */
    public MigrationSpec(GuestMemory memory, WriteModel writeModel, Link link, String algorithm,
                         TerminationPolicy policy, Optional<AutoConverge> autoConverge, Optimisations optimisations,
                         PostCopyOptions postCopy, Overheads overheads, long seed) {
        this(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy, overheads, seed,
                Optional.empty(), Optional.empty());
    }

    public MigrationSpec {
        storage = storage == null ? Optional.empty() : storage;
        nas = nas == null ? Optional.empty() : nas;
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(writeModel, "writeModel");
        Objects.requireNonNull(link, "link");
        InvalidSpecException.require(algorithm != null && !algorithm.isBlank(), "algorithm", "an algorithm name",
                algorithm);
        Objects.requireNonNull(policy, "policy");
        autoConverge = autoConverge == null ? Optional.empty() : autoConverge;
        Objects.requireNonNull(optimisations, "optimisations");
        Objects.requireNonNull(postCopy, "postCopy");
        Objects.requireNonNull(overheads, "overheads");
        protocol = protocol == null ? ProtocolOptions.defaults() : protocol;
    }

    /** A spec with miglab's defaults: pre-copy, QEMU policy, no writes, 4 KiB pages, zero-page elision on. */
    public static MigrationSpec of(ByteSize memory, DataRate bandwidth) {
        return new MigrationSpec(GuestMemory.of(memory), new NoWrites(), Link.of(bandwidth), "precopy",
                TerminationPolicy.qemu(), Optional.empty(), Optimisations.defaults(), PostCopyOptions.defaults(),
                Overheads.defaults(), 1);
    }

    /**
     * What a switch-over costs whatever memory is left: the last dirty sync, the device state at the switch-over
     * rate, half the round trip and the resume; the downtime of every stop-and-copy is at least this.
     */
    public double fixedSwitchOverSeconds() {
        return switchOverWorkSeconds(0) + overheads.deviceState().bytes() / switchOverBandwidth().bytesPerSecond()
                + link.oneWaySeconds() + overheads.resume().toNanos() / 1e9;
    }

    /**
     * The rate of the switch-over, while the guest is paused: nothing caps it (QEMU lifts max-bandwidth,
     * migration/migration.c migration_completion_precopy and postcopy_start: migration_rate_set(RATE_LIMIT_DISABLED)),
     * so it is the link's own rate or what the source's CPU sends with the guest paused
     * ({@link Overheads#switchOverRate}), whichever is lower.
     */
    public DataRate switchOverBandwidth() {
        DataRate wire = link.switchOverBandwidth();
        Optional<DataRate> cpu = overheads.switchOverRate();
        return cpu.isPresent() ? wire.min(cpu.get()) : wire;
    }

    /**
     * The rate of a stop-and-copy: after pre-copy rounds the switch-over's, uncapped; with no round before it, the
     * capped rate. A guest paused before the migration starts is sent by QEMU's rate-limited iteration
     * (ram_save_iterate stops at migration_rate_exceeded, migration/ram.c) until what is left fits the downtime
     * limit; only that rest goes uncapped.
     */
    public DataRate stopAndCopyBandwidth(boolean afterRounds) {
        return afterRounds ? switchOverBandwidth() : link.effectiveBandwidth();
    }

    /**
     * The source's work at a switch-over beside sending bytes, in seconds: the last dirty-bitmap sync
     * ({@link Overheads#syncPerGiB}; QEMU: ram_save_complete calls migration_bitmap_sync_precopy with the guest
     * stopped) and the zero-page check of each zero page still to send ({@link Overheads#zeroPageCost}; QEMU:
     * save_zero_page, migration/ram.c), which nothing hides once the stream is uncapped.
     */
    public double switchOverWorkSeconds(double zeroPages) {
        return overheads.syncSeconds(memory.bytes()) + zeroPages * overheads.zeroPageCost().toNanos() / 1e9;
    }

    /**
     * The hosts' time for post-copy pages of {@code bytes} in all, {@code zeroPages} of them zero pages, in seconds.
     * At the destination one thread reads each page off the stream and then places it (QEMU 10: ram_load_postcopy,
     * migration/ram.c), so the two add up. A normal page goes in with UFFDIO_COPY (postcopy_place_page,
     * migration/postcopy-ram.c), which allocates and fills the page as pre-copy's first write of it does: the link's
     * own rate covers it. A zero page costs {@link #postCopyZeroPageSeconds} beside its bytes. The push goes no
     * faster than this nor than its cap.
     */
    public double postCopyHostSeconds(double bytes, double zeroPages) {
        return bytes / link.bandwidth().bytesPerSecond() + zeroPages * postCopyZeroPageSeconds();
    }

    /**
     * A post-copy zero page's time beside its bytes: the destination's UFFDIO_ZEROPAGE (postcopy_place_page_zero;
     * pre-copy only reads the page, ram_handle_zero), {@link Overheads#postCopyPlacement}, or the source's check of
     * it, {@link Overheads#zeroPageCost} (ram_save_target_page_legacy calls save_zero_page in post-copy as in
     * pre-copy), whichever is longer: the two hosts work side by side on the stream. On a host where a read of
     * never-touched guest RAM faults (docs/qemu-vs-sim.md, "A slower host") the check is the longer.
     */
    public double postCopyZeroPageSeconds() {
        double check = optimisations.zeroPageElision() ? overheads.zeroPageCost().toNanos() : 0;
        return Math.max(check, overheads.postCopyPlacement().toNanos()) / 1e9;
    }

    /** How long a post-copy push of {@code bytes}, {@code zeroPages} zero pages, takes: its cap or the hosts. */
    public double postCopyPushSeconds(double bytes, double zeroPages) {
        return Math.max(bytes / link.postCopyBandwidth().bytesPerSecond(),
                postCopyHostSeconds(bytes, zeroPages));
    }

    /**
     * Post-copy: what may still be pending, in bytes of whole pages, when the rest goes without the cap. QEMU 10's
     * migration_iteration_run (migration/migration.c) checks post-copy as it checks pre-copy: once the pending
     * pages x page size fall below bandwidth x downtime-limit it calls migration_completion, whose
     * ram_save_complete (migration/ram.c) sends every page left "regardless of rate limiting". The bandwidth is the
     * last rate-limit period's, the post-copy rate; 0 unless the policy checks the downtime limit that way.
     */
    public double postCopyCompletionBytes() {
        return policy.midPassDowntimeLimit()
                .map(d -> link.postCopyBandwidth().bytesPerSecond() * d.toNanos() / 1e9).orElse(0.0);
    }

    /**
     * How long the push of {@code pages} pages ({@code bytes}, {@code zeroPages} of them zero pages) takes, its
     * last {@link #postCopyCompletionBytes} at the destination's pace rather than the cap's: a share of every kind
     * of page, or, when the push sends the used pages first ({@link #postCopyUsedPagesFirst}), zero pages as far as
     * there are any.
     */
    public double postCopyPushSeconds(double bytes, double zeroPages, double pages) {
        double tail = pages <= 0 ? 0 : Math.min(1, postCopyCompletionBytes() / (pages * memory.pageSizeBytes()));
        if (pages > 0 && postCopyUsedPagesFirst()) {
            double zeroBytes = optimisations.zeroPageBytes(), tailPages = tail * pages;
            double used = pages - zeroPages, usedBytes = Math.max(0, bytes - zeroPages * zeroBytes);
            double tailZeros = Math.min(zeroPages, tailPages);
            double tailBytes = tailZeros * zeroBytes + (used > 0 ? (tailPages - tailZeros) * usedBytes / used : 0);
            return postCopyPushSeconds(bytes - tailBytes, zeroPages - tailZeros)
                    + postCopyHostSeconds(tailBytes, tailZeros);
        }
        return postCopyPushSeconds(bytes * (1 - tail), zeroPages * (1 - tail))
                + postCopyHostSeconds(bytes * tail, zeroPages * tail);
    }

    /**
     * Post-copy: whether the push sends every used page before any zero page. QEMU moves its scan to each page the
     * guest asks for (migration/ram.c, get_queued_page), and a guest that touches pages as it resumes keeps asking
     * for pages of its used blocks through the phase, so without postcopy-preempt the scan stays among them and the
     * zero block goes last (docs/qemu-vs-sim.md, "Post-copy's push, traced"); it takes a layout that places them.
     */
    public boolean postCopyUsedPagesFirst() {
        return !postCopy.preempt() && overheads.resumeFaults().pages() > 0
                && memory.layout() == MemoryLayout.LINUX;
    }

    public MigrationSpec withMemory(GuestMemory m) {
        return new MigrationSpec(m, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withWriteModel(WriteModel w) {
        return new MigrationSpec(memory, w, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withLink(Link l) {
        return new MigrationSpec(memory, writeModel, l, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withAlgorithm(String a) {
        return new MigrationSpec(memory, writeModel, link, a, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withPolicy(TerminationPolicy p) {
        return new MigrationSpec(memory, writeModel, link, algorithm, p, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withAutoConverge(Optional<AutoConverge> a) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, a, optimisations, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withOptimisations(Optimisations o) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, o, postCopy,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withPostCopy(PostCopyOptions p) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, p,
                overheads, seed, storage, nas, protocol);
    }

    public MigrationSpec withOverheads(Overheads o) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                o, seed, storage, nas, protocol);
    }

    public MigrationSpec withSeed(long s) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, s, storage, nas, protocol);
    }

    public MigrationSpec withStorage(Optional<StorageSpec> s) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, s, nas, protocol);
    }

    public MigrationSpec withProtocol(ProtocolOptions p) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, nas, p);
    }

    public MigrationSpec withNas(Optional<NasAssist> n) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed, storage, n, protocol);
    }
}
