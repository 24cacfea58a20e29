package io.miglab.cli.spec;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags that describe one migration, as a picocli {@code @Mixin}: add {@code @Mixin SpecOptions spec;} to a
 * command and call {@link #toSpec}. Each flag's name without dashes is also its key in a scenario file
 * ({@code --scenario}); flags given on the command line override the file. The contract (names, units, defaults)
 * is documented in docs/cli.md and is stable.
 */
public final class SpecOptions {
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--scenario", paramLabel = "FILE", order = 0,
            description = "Scenario file (.yaml, .yml or .json) with the same keys as these flags; flags override it.")
    Path scenario;

    // ---- hypervisor ----
    @Option(names = "--hypervisor", paramLabel = "NAME", order = 5,
            description = "Migrate as this hypervisor does: qemu (alias of kvm: QEMU 10's defaults, 128MiB/s cap, "
                    + "300ms downtime limit checked as pages go), kvm-auto-converge, xen, vmware (SDPS is modelled "
                    + "only by the datacenter), none (miglab's defaults), or a profile of --profiles. Flags given "
                    + "override the profile. Default: none")
    String hypervisor;
    @Option(names = "--profiles", paramLabel = "FILE", order = 6,
            description = "YAML file of hypervisor profiles (the datacenter's format: profiles: [{name, base, ...}]).")
    String profiles;

    // ---- guest memory ----
    @Option(names = "--memory", paramLabel = "SIZE", order = 10,
            description = "Guest RAM: 4096, 256M, 4G, 64GiB (binary units). Default: " + SpecDefaults.MEMORY)
    String memory;
    @Option(names = "--page-size", paramLabel = "SIZE", order = 11,
            description = "Page size, a power of two from 512 to 2M. Default: " + SpecDefaults.PAGE_SIZE)
    String pageSize;
    @Option(names = "--zero-pages", paramLabel = "SHARE", order = 12,
            description = "Share of pages that are all zeros at the start, 0..1 or 30%%. Default: "
                    + SpecDefaults.ZERO_PAGES)
    String zeroPages;
    @Option(names = "--compressibility", paramLabel = "SHARE", order = 13,
            description = "Share of a page's bytes a compressor removes, 0 to below 1 (used by --compress). "
                    + "Default: " + SpecDefaults.COMPRESSIBILITY)
    String compressibility;

    // ---- link ----
    @Option(names = "--bandwidth", paramLabel = "RATE", order = 20,
            description = "Link bandwidth: 100MiB/s, 1GiB/s, 800Mbit/s, 10Gbit/s (100M = MiB/s). Default: "
                    + SpecDefaults.BANDWIDTH)
    String bandwidth;
    @Option(names = "--bandwidth-cap", paramLabel = "RATE", order = 21,
            description = "The hypervisor's own limit (QEMU max-bandwidth, 128MiB/s there by default). Default: none")
    String bandwidthCap;
    @Option(names = "--latency", paramLabel = "DURATION", order = 22,
            description = "Round-trip time: 300us, 5ms. Default: " + SpecDefaults.LATENCY)
    String latency;

    // ---- workload ----
    @Option(names = "--write-model", paramLabel = "MODEL", order = 30,
            description = "How the guest dirties memory: none, uniform, working-set, sweep, trace:FILE, or parts "
                    + "joined by + (each may end @RATE), e.g. working-set+uniform@200. Default: working-set if "
                    + "--working-set and --dirty-rate are given, uniform if only --dirty-rate is, else none")
    String writeModel;
    @Option(names = "--paced", negatable = true, order = 35,
            description = "The writer is paced by the clock (serves requests, as most services do) and catches up "
                    + "after a throttle pause, instead of being CPU-bound. Default: false")
    Boolean paced;
    @Option(names = "--catch-up", paramLabel = "DURATION", order = 36, descriptionKey = "catch-up",
            description = "--paced: how far behind the writer catches up.")
    String catchUp;
    @Option(names = "--dirty-rate", paramLabel = "PAGES/S", order = 31,
            description = "Page writes per second (uniform, working-set hot set, sweep). Default: none")
    String dirtyRate;
    @Option(names = "--working-set", paramLabel = "SIZE", order = 32,
            description = "Hot set of working-set, or the array of sweep. Default: none")
    String workingSet;
    @Option(names = "--cold-dirty-rate", paramLabel = "PAGES/S", order = 33,
            description = "working-set only: writes per second outside the hot set. Default: 0")
    String coldDirtyRate;

    // ---- algorithm and termination ----
    @Option(names = "--algorithm", paramLabel = "NAME", order = 40, descriptionKey = "algorithm",
            description = "Migration algorithm (see 'miglab algorithms'). Default: " + SpecDefaults.ALGORITHM)
    String algorithm;
    @Option(names = "--policy", paramLabel = "qemu|xen|custom", order = 41,
            description = "When pre-copy stops: qemu (downtime limit, cancel at timeout), xen (50 pages, 30 rounds, "
                    + "3x memory), custom (from the flags below). Default: " + SpecDefaults.POLICY)
    String policy;
    @Option(names = "--downtime-limit", paramLabel = "DURATION", order = 42, descriptionKey = "downtime-limit",
            description = "Converge when the rest can be sent within this.")
    String downtimeLimit;
    @Option(names = "--max-rounds", paramLabel = "N", order = 43,
            description = "custom policy: at most N rounds after the first pass. Default: none")
    String maxRounds;
    @Option(names = "--max-data", paramLabel = "FACTOR", order = 44,
            description = "custom policy: at most FACTOR x memory sent. Default: none")
    String maxData;
    @Option(names = "--min-dirty-pages", paramLabel = "N", order = 45,
            description = "custom policy: converge when fewer than N pages are dirty. Default: none")
    String minDirtyPages;
    @Option(names = "--timeout", paramLabel = "DURATION", order = 46, descriptionKey = "timeout",
            description = "qemu and custom policies: give up iterating after this.")
    String timeout;
    @Option(names = "--on-limit", paramLabel = "stop-and-copy|cancel", order = 47,
            description = "What to do when a limit is hit. Default: cancel for qemu, stop-and-copy for xen and custom")
    String onLimit;
    @Option(names = "--mid-pass-check", negatable = true, order = 48,
            description = "qemu and custom policies: check --downtime-limit while a pass is under way, as QEMU does "
                    + "(the unsent rest of the pass goes into the downtime), not only at round ends. Default: off")
    Boolean midPassCheck;

    // ---- auto-converge ----
    @Option(names = "--auto-converge", negatable = true, order = 50,
            description = "Throttle the vCPUs when the guest dirties faster than the link sends. Default: off")
    Boolean autoConverge;
    @Option(names = "--throttle-initial", paramLabel = "PERCENT", order = 51,
            description = "First throttle step. Default: " + SpecDefaults.THROTTLE_INITIAL)
    String throttleInitial;
    @Option(names = "--throttle-increment", paramLabel = "PERCENT", order = 52,
            description = "Added at each later step. Default: " + SpecDefaults.THROTTLE_INCREMENT)
    String throttleIncrement;
    @Option(names = "--throttle-max", paramLabel = "PERCENT", order = 53,
            description = "Highest throttle. Default: " + SpecDefaults.THROTTLE_MAX)
    String throttleMax;
    @Option(names = "--throttle-trigger-threshold", paramLabel = "PERCENT", order = 54,
            description = "Throttle when dirtied bytes exceed this share of sent bytes. Default: "
                    + SpecDefaults.THROTTLE_TRIGGER_THRESHOLD)
    String throttleTriggerThreshold;

    // ---- page encoding ----
    @Option(names = "--xbzrle", negatable = true, order = 60,
            description = "Delta-encode re-sent pages found in a cache. Default: off")
    Boolean xbzrle;
    @Option(names = "--xbzrle-cache", paramLabel = "SIZE", order = 61,
            description = "XBZRLE cache size. Default: " + SpecDefaults.XBZRLE_CACHE)
    String xbzrleCache;
    @Option(names = "--xbzrle-delta", paramLabel = "SHARE", order = 62,
            description = "Size of an encoded delta, as a share of a page. Default: " + SpecDefaults.XBZRLE_DELTA)
    String xbzrleDelta;
    @Option(names = "--compress", negatable = true, order = 63,
            description = "Compress pages (ratio from --compressibility). Default: off")
    Boolean compress;
    @Option(names = "--compress-throughput", paramLabel = "RATE", order = 64,
            description = "How fast the CPU compresses. Default: " + SpecDefaults.COMPRESS_THROUGHPUT)
    String compressThroughput;
    @Option(names = "--zero-page-elision", negatable = true, order = 65,
            description = "Send all-zero pages as a header only (--no-zero-page-elision to send them whole). "
                    + "Default: on")
    Boolean zeroPageElision;

    // ---- post-copy and hybrid ----
    @Option(names = "--precopy-rounds", paramLabel = "N", order = 70,
            description = "hybrid: pre-copy rounds before switching to post-copy. Default: "
                    + SpecDefaults.PRECOPY_ROUNDS)
    String precopyRounds;
    @Option(names = "--switch-after", paramLabel = "DURATION", order = 71,
            description = "hybrid: switch at the first round end after this long, if sooner. Default: none")
    String switchAfter;
    @Option(names = "--prepaging", paramLabel = "PAGES", order = 72,
            description = "postcopy, hybrid: on a fault also push up to this many following pages. Default: "
                    + SpecDefaults.PREPAGING)
    String prepaging;

    // ---- fixed costs ----
    @Option(names = "--preparation-time", paramLabel = "DURATION", order = 80,
            description = "From the migrate command to the first page. Default: " + SpecDefaults.PREPARATION_TIME)
    String preparationTime;
    @Option(names = "--resume-time", paramLabel = "DURATION", order = 81,
            description = "From the last byte to the guest running on the destination. Default: "
                    + SpecDefaults.RESUME_TIME)
    String resumeTime;
    @Option(names = "--device-state", paramLabel = "SIZE", order = 82,
            description = "CPU and device state sent during the pause. Default: " + SpecDefaults.DEVICE_STATE)
    String deviceState;
    @Option(names = "--sync-cost", paramLabel = "DURATION", order = 83,
            description = "Dirty-bitmap sync time per GiB of RAM, once per round. Default: " + SpecDefaults.SYNC_COST)
    String syncCost;
    @Option(names = "--seed", paramLabel = "N", order = 84,
            description = "Seed of the random write models and zero-page placement. Default: " + SpecDefaults.SEED)
    String seed;

    public Optional<Path> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** The scenario file's values (if any) overridden by the flags given. */
    public ScenarioValues values() {
        ScenarioValues file = scenario == null ? ScenarioValues.empty() : ScenarioReader.read(scenario);
        return file.overriddenBy(flags());
    }

    /** Only the flags given on the command line, keyed by name without dashes. */
    public ScenarioValues flags() {
        ScenarioValues v = ScenarioValues.empty();
        for (OptionSpec o : self.options()) {
            String key = key(o);
            if (key.equals("scenario")) continue;
            Object value = o.getValue();
            if (value != null) v = v.with(key, value.toString(), ScenarioValues.FLAG);
        }
        return v;
    }

    public MigrationSpec toSpec(AlgorithmRegistry registry) {
        return new SpecFactory(registry).build(values());
    }

    static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^--", "");
    }
}
