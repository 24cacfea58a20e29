package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.link.NasAssist;
import io.miglab.core.memory.GuestMemory;
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
     * What a switch-over costs whatever memory is left: the device state at the switch-over rate, half the round
     * trip and the resume; the downtime of every stop-and-copy is at least this.
     */
    public double fixedSwitchOverSeconds() {
        return overheads.deviceState().bytes() / link.switchOverBandwidth().bytesPerSecond() + link.oneWaySeconds()
                + overheads.resume().toNanos() / 1e9;
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
