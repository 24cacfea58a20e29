package io.miglab.datacenter.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** The YAML shape of user-defined hypervisor profiles: a file with {@code profiles: [...]}, or inline in a scenario. */
public record ProfileFile(List<Entry> profiles) {
    /**
     * One profile. Fields left out come from {@code base} (a standard profile or one defined earlier). If any of
     * the policy fields (downtimeLimit, minDirtyPages, maxRounds, maxData, timeout) is given, the policy is made of
     * exactly the given ones. A field that is also a flag of the single-migration commands may be written as the
     * flag is ({@code downtime-limit} for {@code downtimeLimit}; docs/cli.md's flag table lists them).
     */
    public record Entry(String name, String base, String description, String algorithm,
                        @JsonAlias("downtime-limit") String downtimeLimit,
                        @JsonAlias("min-dirty-pages") Long minDirtyPages,
                        @JsonAlias("max-rounds") Integer maxRounds,
                        @JsonAlias("max-data") Double maxData, String timeout,
                        @JsonAlias("on-limit") String onLimit,
                        @JsonAlias("bandwidth-cap") String bandwidthCap,
                        @JsonAlias("auto-converge") Boolean autoConverge, Boolean sdps,
                        @JsonAlias("precopy-rounds") Integer precopyRounds,
                        @JsonAlias("preparation-time") String preparation,
                        @JsonAlias("resume-time") String resume,
                        @JsonAlias("device-state") String deviceState,
                        @JsonAlias("switch-over-rate") String switchOverRate,
                        @JsonAlias("migration-cpu-seconds-per-gib") Double migrationCpuSecondsPerGiB,
                        @JsonAlias("migration-cpu-destination-share") Double migrationCpuDestinationShare) { }
}
