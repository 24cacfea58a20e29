package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
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
 */
public record MigrationSpec(GuestMemory memory, WriteModel writeModel, Link link, String algorithm,
                            TerminationPolicy policy, Optional<AutoConverge> autoConverge,
                            Optimisations optimisations, PostCopyOptions postCopy, Overheads overheads, long seed) {
    public MigrationSpec {
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
                overheads, seed);
    }

    public MigrationSpec withWriteModel(WriteModel w) {
        return new MigrationSpec(memory, w, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed);
    }

    public MigrationSpec withLink(Link l) {
        return new MigrationSpec(memory, writeModel, l, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, seed);
    }

    public MigrationSpec withAlgorithm(String a) {
        return new MigrationSpec(memory, writeModel, link, a, policy, autoConverge, optimisations, postCopy,
                overheads, seed);
    }

    public MigrationSpec withPolicy(TerminationPolicy p) {
        return new MigrationSpec(memory, writeModel, link, algorithm, p, autoConverge, optimisations, postCopy,
                overheads, seed);
    }

    public MigrationSpec withAutoConverge(Optional<AutoConverge> a) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, a, optimisations, postCopy,
                overheads, seed);
    }

    public MigrationSpec withOptimisations(Optimisations o) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, o, postCopy,
                overheads, seed);
    }

    public MigrationSpec withPostCopy(PostCopyOptions p) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, p,
                overheads, seed);
    }

    public MigrationSpec withOverheads(Overheads o) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                o, seed);
    }

    public MigrationSpec withSeed(long s) {
        return new MigrationSpec(memory, writeModel, link, algorithm, policy, autoConverge, optimisations, postCopy,
                overheads, s);
    }
}
