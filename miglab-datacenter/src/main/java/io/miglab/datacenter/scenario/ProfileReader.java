package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.profile.MigrationCpuCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Adds user-defined profiles to a set of profiles. */
public final class ProfileReader {
    private ProfileReader() { }

    /** Adds the profiles of a YAML file ({@code profiles: [...]}) to {@code into}. */
    public static void readFile(java.nio.file.Path file, HypervisorProfiles into) throws java.io.IOException {
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(file)) {
            addAll(into, ScenarioReader.parse(r, ProfileFile.class).profiles());
        }
    }

    /**
     * A hypervisor/guest profile file ({@link GuestProfileFile}): its one profile is added to {@code into} and
     * returned with the file's guest settings (by flag name, not checked here).
     */
    public static GuestProfile readGuestProfile(java.nio.file.Path file, HypervisorProfiles into)
            throws java.io.IOException {
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(file)) {
            GuestProfileFile f = ScenarioReader.parse(r, GuestProfileFile.class);
            InvalidSpecException.require(f.profiles() != null && f.profiles().size() == 1, "profile",
                    "a file with one profile under profiles:", f.profiles() == null ? 0 : f.profiles().size());
            HypervisorProfile p = toProfile(into, f.profiles().get(0));
            into.add(p);
            return new GuestProfile(p, f.settings() == null ? java.util.Map.of() : f.settings());
        }
    }

    /** A profile and the guest's settings that come with it. */
    public record GuestProfile(HypervisorProfile profile, java.util.Map<String, String> settings) { }

    public static void addAll(HypervisorProfiles into, List<ProfileFile.Entry> entries) {
        if (entries == null) return;
        for (ProfileFile.Entry e : entries) into.add(toProfile(into, e));
    }

    static HypervisorProfile toProfile(HypervisorProfiles known, ProfileFile.Entry e) {
        String f = "profiles[" + e.name() + "]";
        InvalidSpecException.require(e.name() != null && !e.name().isBlank(), "profiles.name", "a profile name",
                e.name());
        HypervisorProfile b = known.get(e.base() == null ? "kvm" : e.base());
        TerminationPolicy policy = b.policy();
        List<StopCondition> conditions = new ArrayList<>();
        if (e.downtimeLimit() != null) {
            conditions.add(new StopCondition.DowntimeBelow(Durations.duration(f + ".downtimeLimit", e.downtimeLimit())));
        }
        if (e.minDirtyPages() != null) conditions.add(new StopCondition.FewDirtyPages(e.minDirtyPages()));
        if (e.maxRounds() != null) conditions.add(new StopCondition.MaxRounds(e.maxRounds()));
        if (e.maxData() != null) conditions.add(new StopCondition.MaxData(e.maxData()));
        if (e.timeout() != null) conditions.add(new StopCondition.Timeout(Durations.duration(f + ".timeout", e.timeout())));
        TerminationPolicy.LimitAction onLimit = policy.onLimit();
        if (e.onLimit() != null) {
            onLimit = switch (e.onLimit().toLowerCase(Locale.ROOT)) {
                case "cancel" -> TerminationPolicy.LimitAction.CANCEL;
                case "stop-and-copy" -> TerminationPolicy.LimitAction.STOP_AND_COPY;
                default -> throw new InvalidSpecException(f + ".onLimit", "cancel or stop-and-copy", e.onLimit());
            };
        }
        if (!conditions.isEmpty() || e.onLimit() != null) {
            policy = new TerminationPolicy(e.name(), conditions.isEmpty() ? policy.conditions() : conditions, onLimit);
        }
        Optional<DataRate> cap = b.bandwidthCap();
        if (e.bandwidthCap() != null) {
            cap = e.bandwidthCap().equalsIgnoreCase("none") ? Optional.empty()
                    : Optional.of(DataRate.parse(f + ".bandwidthCap", e.bandwidthCap()));
        }
        Optional<AutoConverge> ac = e.autoConverge() == null ? b.autoConverge()
                : e.autoConverge() ? Optional.of(AutoConverge.qemuDefaults()) : Optional.empty();
        PostCopyOptions post = e.precopyRounds() == null ? b.postCopy()
                : new PostCopyOptions(e.precopyRounds(), b.postCopy().switchAfter(), b.postCopy().prepagingPages(),
                        b.postCopy().preempt());
        Overheads o = b.overheads();
        o = new Overheads(e.preparation() == null ? o.preparation() : Durations.duration(f + ".preparation", e.preparation()),
                e.resume() == null ? o.resume() : Durations.duration(f + ".resume", e.resume()),
                e.deviceState() == null ? o.deviceState() : ByteSize.parse(f + ".deviceState", e.deviceState()),
                o.syncPerGiB(), o.announce(), o.postCopyPlacement(), o.resumeFaults(), o.zeroPageCost(),
                e.switchOverRate() == null ? o.switchOverRate() : e.switchOverRate().equalsIgnoreCase("none")
                ? Optional.empty() : Optional.of(DataRate.parse(f + ".switchOverRate", e.switchOverRate())),
                o.firstPages());
        MigrationCpuCost cpu = b.migrationCpu();
        cpu = MigrationCpuCost.of(f, e.migrationCpuSecondsPerGiB() == null ? cpu.cpuSecondsPerGiB()
                : e.migrationCpuSecondsPerGiB(), e.migrationCpuDestinationShare() == null ? cpu.destinationShare()
                : e.migrationCpuDestinationShare());
        String algorithm = e.algorithm() == null ? b.algorithm() : e.algorithm();
        // the name is checked against the algorithm registry the simulation runs with (DatacenterSimulation)
        return new HypervisorProfile(e.name(), e.description() == null ? "based on " + b.name() : e.description(),
                algorithm, policy, cap, b.postCopyCap(), ac, e.sdps() == null ? b.sdps() : e.sdps(), b.optimisations(), post, o,
                cpu);
    }
}
