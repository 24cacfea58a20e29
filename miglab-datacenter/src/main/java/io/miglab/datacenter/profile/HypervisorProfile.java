package io.miglab.datacenter.profile;

import io.miglab.core.link.Link;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.DataRate;
import io.miglab.datacenter.model.Vm;
import java.time.Duration;
import java.util.Optional;

/**
 * How one hypervisor migrates: algorithm, termination policy, its own bandwidth limit, throttling, fixed costs.
 * {@link #specFor} turns it into the common {@link MigrationSpec} for one VM over one NIC.
 *
 * @param sdps VMware's Stun During Page Send (see {@code StunDuringPageSendRule})
 */
public record HypervisorProfile(String name, String description, String algorithm, TerminationPolicy policy,
                                Optional<DataRate> bandwidthCap, Optional<AutoConverge> autoConverge, boolean sdps,
                                Optimisations optimisations, PostCopyOptions postCopy, Overheads overheads) {
    public HypervisorProfile {
        bandwidthCap = bandwidthCap == null ? Optional.empty() : bandwidthCap;
        autoConverge = autoConverge == null ? Optional.empty() : autoConverge;
    }

    public MigrationSpec specFor(Vm vm, DataRate nic, Duration roundTrip, long seed) {
        return new MigrationSpec(vm.memory(), vm.writes(), new Link(nic, roundTrip, bandwidthCap), algorithm, policy,
                autoConverge, optimisations, postCopy, overheads, seed);
    }

    public HypervisorProfile withBandwidthCap(Optional<DataRate> cap) {
        return new HypervisorProfile(name, description, algorithm, policy, cap, autoConverge, sdps, optimisations,
                postCopy, overheads);
    }

    public HypervisorProfile withAutoConverge(Optional<AutoConverge> a) {
        return new HypervisorProfile(name, description, algorithm, policy, bandwidthCap, a, sdps, optimisations,
                postCopy, overheads);
    }

    public HypervisorProfile withName(String n, String d) {
        return new HypervisorProfile(n, d, algorithm, policy, bandwidthCap, autoConverge, sdps, optimisations,
                postCopy, overheads);
    }
}
