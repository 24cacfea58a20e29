package io.miglab.core.profile;

import io.miglab.core.link.Link;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.DataRate;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.write.WriteModel;
import java.time.Duration;
import java.util.Optional;

/**
 * How one hypervisor migrates: algorithm, termination policy (limits, and when convergence is checked), its own
 * bandwidth cap (the switch-over runs uncapped, see {@link Link}), throttling, zero pages and XBZRLE, fixed costs
 * (setup, resume, device state). The one definition every command uses: {@code --hypervisor} of the single-run
 * commands and the benchmark, and the datacenter's {@code profile}. {@link #specFor} turns it into the common
 * {@link MigrationSpec} for one guest over one link.
 *
 * @param postCopyCap the cap of the post-copy phase (QEMU: max-postcopy-bandwidth, unlimited by default; it does not
 *                    apply max-bandwidth to post-copy)
 * @param sdps VMware's Stun During Page Send (the datacenter's {@code StunDuringPageSendRule}; the page-level
 *             simulator does not model it)
 * @param migrationCpu host CPU a migration costs per GiB sent and the destination's share of it (measured on
 *             real QEMU; the datacenter charges it to both hosts while a migration sends); not measured: the
 *             datacenter charges the scenario's {@code network.migrationCoresPerGbps} instead
 */
public record HypervisorProfile(String name, String description, String algorithm, TerminationPolicy policy,
                                Optional<DataRate> bandwidthCap, Optional<DataRate> postCopyCap,
                                Optional<AutoConverge> autoConverge, boolean sdps,
                                Optimisations optimisations, PostCopyOptions postCopy, Overheads overheads,
                                MigrationCpuCost migrationCpu) {
    public HypervisorProfile {
        bandwidthCap = bandwidthCap == null ? Optional.empty() : bandwidthCap;
        postCopyCap = postCopyCap == null ? Optional.empty() : postCopyCap;
        autoConverge = autoConverge == null ? Optional.empty() : autoConverge;
        migrationCpu = migrationCpu == null ? MigrationCpuCost.NOT_MEASURED : migrationCpu;
    }

    /** A profile whose migration CPU cost was not measured. */
    public HypervisorProfile(String name, String description, String algorithm, TerminationPolicy policy,
                             Optional<DataRate> bandwidthCap, Optional<DataRate> postCopyCap,
                             Optional<AutoConverge> autoConverge, boolean sdps,
                             Optimisations optimisations, PostCopyOptions postCopy, Overheads overheads) {
        this(name, description, algorithm, policy, bandwidthCap, postCopyCap, autoConverge, sdps, optimisations,
                postCopy, overheads, MigrationCpuCost.NOT_MEASURED);
    }

    /** Whether the migration CPU cost was measured. */
    public boolean hasMigrationCpuCost() {
        return migrationCpu.measured();
    }

    /** The migration of a guest with {@code memory} and {@code writes} over a link of {@code nic} under this profile. */
    public MigrationSpec specFor(GuestMemory memory, WriteModel writes, DataRate nic, Duration roundTrip, long seed) {
        return new MigrationSpec(memory, writes, new Link(nic, roundTrip, bandwidthCap, postCopyCap), algorithm, policy,
                autoConverge, optimisations, postCopy, overheads, seed);
    }

    public HypervisorProfile withBandwidthCap(Optional<DataRate> cap) {
        return new HypervisorProfile(name, description, algorithm, policy, cap, postCopyCap, autoConverge, sdps, optimisations,
                postCopy, overheads, migrationCpu);
    }

    public HypervisorProfile withAutoConverge(Optional<AutoConverge> a) {
        return new HypervisorProfile(name, description, algorithm, policy, bandwidthCap, postCopyCap, a, sdps, optimisations,
                postCopy, overheads, migrationCpu);
    }

    public HypervisorProfile withName(String n, String d) {
        return new HypervisorProfile(n, d, algorithm, policy, bandwidthCap, postCopyCap, autoConverge, sdps, optimisations,
                postCopy, overheads, migrationCpu);
    }
}
