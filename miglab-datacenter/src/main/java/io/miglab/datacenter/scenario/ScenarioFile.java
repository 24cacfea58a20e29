package io.miglab.datacenter.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * The YAML shape of a scenario, field for field (see docs/datacenter.md, "Scenario format"); unknown fields are
 * errors. The fields that are also flags of the single-migration commands may be written as the flag is
 * ({@code zero-pages}, {@code dirty-rate}, {@code working-set}, {@code cold-dirty-rate}, {@code hypervisor}).
 * {@link ScenarioReader} validates it into a {@link Scenario}.
 */
public record ScenarioFile(String name, Long seed, String duration, String schedulingInterval,
                           @JsonAlias("hypervisor") String profile,
                           List<ProfileFile.Entry> profiles, String profilesFile, String initialPlacement,
                           Policy policy, Network network, List<Racks> racks, List<Vms> vms,
                           List<Down> maintenance, Report report, Failures failures, String storage,
                           Nas nas) {

    public record Policy(String name, Double overThreshold, Double underThreshold, Double placementCeiling,
                         String vmSelection,
                         String placement, Integer maxMigrationsPerInterval, Integer maxConcurrentPerHost,
                         Integer maxConcurrent, String coolDown) { }

    public record Network(String rackUplink, String core, String latency, Double migrationCoresPerGbps) { }

    public record Racks(Integer count, Integer hostsPerRack, Host host) { }

    public record Host(Integer cores, String memory, String nic, Double idleWatts, Double peakWatts) { }

    public record Vms(String name, Integer count, Integer vcpus, List<String> memory, List<Double> memoryWeights,
                      @JsonAlias("zero-pages") Double zeroPageShare, Writes writes, Cpu cpu, List<String> hosts,
                      Disk disk) { }

    /** A VM's local disk, named as the CLI's --disk-* flags: size, allocated share, write rate, working set. */
    public record Disk(String size, Double allocated, @JsonAlias("write-rate") String writeRate,
                       @JsonAlias("working-set") String workingSet, String block) { }

    /** {@code dirty-rate} is pagesPerSecond (pages/s, as the flag); {@code dirtyRate} a data rate such as 10MiB/s. */
    public record Writes(String model, @JsonAlias("dirty-rate") Double pagesPerSecond, String dirtyRate, String array,
                         @JsonAlias("working-set") String workingSet,
                         @JsonAlias("cold-dirty-rate") Double coldPagesPerSecond) { }

    public record Cpu(String pattern, Double share, Double mean, Double amplitude, String period, String phase,
                      String phaseJitter, Double start, Double step, Double min, Double max, String file) { }

    public record Down(String at, List<String> hosts, List<String> racks) { }

    public record Report(Integer hostSeriesLimit) { }

    /** Injected failures: {@code rate} is 0.2 or 20%; {@code inject} aims each at a VM's name or a migration. */
    public record Failures(String rate, List<String> kinds, List<String> stages, String within,
                           List<Inject> inject) { }

    /** The NAS NAS-assisted migrations share: {@code link} each direction, its disks, RAID 5, assist. */
    public record Nas(String name, String link, Integer disks, String diskThroughput, Boolean raid5,
                      Boolean assist) { }

    public record Inject(String vm, Long migration, String fail) { }
}
