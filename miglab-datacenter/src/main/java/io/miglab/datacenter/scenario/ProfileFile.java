package io.miglab.datacenter.scenario;

import java.util.List;

/** The YAML shape of user-defined hypervisor profiles: a file with {@code profiles: [...]}, or inline in a scenario. */
public record ProfileFile(List<Entry> profiles) {
    /**
     * One profile. Fields left out come from {@code base} (a standard profile or one defined earlier). If any of
     * the policy fields (downtimeLimit, minDirtyPages, maxRounds, maxData, timeout) is given, the policy is made of
     * exactly the given ones.
     */
    public record Entry(String name, String base, String description, String algorithm, String downtimeLimit,
                        Long minDirtyPages, Integer maxRounds, Double maxData, String timeout, String onLimit,
                        String bandwidthCap, Boolean autoConverge, Boolean sdps, Integer precopyRounds,
                        String preparation, String resume, String deviceState) { }
}
