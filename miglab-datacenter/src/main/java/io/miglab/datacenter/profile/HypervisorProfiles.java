package io.miglab.datacenter.profile;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named hypervisor presets, one line each; users add more from YAML ({@code scenario.ProfileReader}). Sources and the
 * values that are this model's assumptions are listed in docs/datacenter.md ("Hypervisor profiles").
 */
public final class HypervisorProfiles {
    /** QEMU migration/options.c: max-bandwidth defaults to 128 MiB/s (MAX_THROTTLE). */
    public static final DataRate QEMU_MAX_BANDWIDTH = DataRate.ofMiBps(128);
    /** vMotion's switch-over target used here: about half a second (an assumption, see the doc). */
    public static final Duration VMOTION_SWITCHOVER = Duration.ofMillis(500);

    /**
     * QEMU has no migration timeout of its own; an operator or a cloud cancels. miglab's single-migration default
     * (60 s) would cancel every guest above 7.5 GiB at 128 MiB/s, so the datacenter profiles use 800 s, OpenStack
     * Nova's live_migration_completion_timeout default (Nova scales it per GiB of RAM; a flat value here).
     */
    public static final Duration KVM_TIMEOUT = Duration.ofSeconds(800);

    private final Map<String, HypervisorProfile> profiles = new LinkedHashMap<>();

    public static HypervisorProfiles standard() {
        Overheads none = Overheads.defaults();
        return new HypervisorProfiles()
                .add(new HypervisorProfile("kvm", "QEMU/KVM pre-copy: 300 ms downtime limit, 128 MiB/s cap, "
                        + "cancel after 800 s", "precopy",
                        TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT, KVM_TIMEOUT),
                        Optional.of(QEMU_MAX_BANDWIDTH),
                        Optional.empty(), false, Optimisations.defaults(), PostCopyOptions.defaults(), none))
                .add(new HypervisorProfile("kvm-auto-converge", "kvm with auto-converge (QEMU defaults 20/10/99)",
                        "precopy", TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT, KVM_TIMEOUT),
                        Optional.of(QEMU_MAX_BANDWIDTH),
                        Optional.of(AutoConverge.qemuDefaults()), false, Optimisations.defaults(),
                        PostCopyOptions.defaults(), none))
                .add(new HypervisorProfile("xen", "Xen xc_domain_save: stop below 50 dirty pages, after 30 rounds "
                        + "or 3x memory, then stop-and-copy; no rate limit", "precopy", TerminationPolicy.xen(),
                        Optional.empty(), Optional.empty(), false, Optimisations.defaults(), PostCopyOptions.defaults(),
                        none))
                .add(new HypervisorProfile("vmware", "vMotion: pre-copy with SDPS, 500 ms switch-over target; "
                        + "if it cannot converge, Quick Resume (post-copy of the rest)", "hybrid",
                        new TerminationPolicy("vmotion", List.of(new StopCondition.DowntimeBelow(VMOTION_SWITCHOVER),
                                new StopCondition.MaxRounds(30), new StopCondition.Timeout(Duration.ofSeconds(100))),
                                TerminationPolicy.LimitAction.STOP_AND_COPY),
                        Optional.empty(), Optional.empty(), true, Optimisations.defaults(),
                        new PostCopyOptions(100_000, Optional.empty(), 0),
                        new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofKiB(256), Duration.ZERO)));
    }

    public HypervisorProfiles add(HypervisorProfile p) {
        if (profiles.putIfAbsent(p.name(), p) != null) {
            throw new InvalidSpecException("profile.name", "a name not yet defined", p.name());
        }
        return this;
    }

    public HypervisorProfile get(String name) {
        HypervisorProfile p = profiles.get(name);
        if (p == null) throw new InvalidSpecException("profile", "one of " + String.join(", ", names()), name);
        return p;
    }

    public boolean contains(String name) { return profiles.containsKey(name); }

    public Set<String> names() { return Collections.unmodifiableSet(profiles.keySet()); }
}
