package io.miglab.cli.spec;

import io.miglab.bench.run.BenchConfig;
import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.cli.spec.Setting.Use;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.Raid5;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every input of a migration, once, in the order the help lists them. The flags of {@code SpecOptions} and
 * {@code BenchPlatformOptions}, the keys a scenario file may hold, the defaults {@link SpecInputs} falls back to
 * and the flag table of docs/cli.md ({@link SettingsDoc}) are made from this list. A new setting is one entry here
 * plus the code that reads it ({@link SpecFactory}); defaults that core defines are taken from core.
 */
public final class Settings {
    private static final AutoConverge THROTTLE = AutoConverge.qemuDefaults();
    private static final Optimisations.Xbzrle XBZRLE = Optimisations.Xbzrle.qemuDefaults();
    private static final PostCopyOptions POST_COPY = PostCopyOptions.defaults();

    private static final List<Setting> MIGRATION = List.of(
            s("", "scenario", Type.FILE, "FILE", "Scenario file (.yaml, .yml or .json) with the same keys as these "
                    + "flags; flags override it.", Default.unstated(), Use.RUNS),
            // ---- hypervisor ----
            s("hypervisor", "hypervisor", Type.TEXT, "NAME", "Migrate as this hypervisor does: qemu (alias of kvm: "
                    + "QEMU 10's defaults, 128MiB/s cap, 300ms downtime limit checked as pages go), "
                    + "kvm-auto-converge, xen, vmware (SDPS is modelled only by the datacenter), none (miglab's "
                    + "defaults), or a profile of --profiles. Flags given override the profile.",
                    Default.absent("none")).datacenter("profile")
                    .withBench(null, "Start from this hypervisor profile (the same profiles as simulate and the "
                            + "datacenter: qemu, xen, vmware, none, ...) instead of the reference platform; the "
                            + "flags below override it.", Default.unstated()),
            s("hypervisor", "profiles", Type.FILE, "FILE", "YAML file of hypervisor profiles (the datacenter's "
                    + "format: profiles: [{name, base, ...}]).", Default.unstated()).datacenter("profilesFile"),
            s("hypervisor", "profile", Type.FILE, "FILE", "A hypervisor/guest profile made by 'miglab calibrate': its "
                    + "profile and the guest's settings (memory, zero pages, writes, switch-over rate as --bandwidth) "
                    + "as defaults under the flags; give QEMU's max-bandwidth as --bandwidth-cap.", Default.unstated(),
                    EnumSet.of(Use.SIMULATE, Use.PREDICT, Use.SWEEP, Use.SCENARIO_FILE)),
            // ---- guest memory ----
            s("guest memory", "memory", Type.SIZE, "SIZE", "Guest RAM: 4096, 256M, 4G, 64GiB (binary); 4GB is 4 x 10^9 B.",
                    Default.of("1G")).note("A whole number of pages.").datacenter("vms[].memory"),
            s("guest memory", "page-size", Type.SIZE, "SIZE", "Page size, a power of two from 512 to 2M.",
                    Default.ofBytes(GuestMemory.DEFAULT_PAGE_SIZE)).range("512 B to 2 MiB"),
            s("guest memory", "zero-pages", Type.SHARE, "SHARE", "Share of pages that are all zeros at the start, "
                    + "0..1 or 30%.", Default.of("0")).note("A fresh guest is mostly zeros.")
                    .datacenter("vms[].zeroPageShare"),
            s("guest memory", "compressibility", Type.SHARE, "SHARE", "Share of a page's bytes a compressor "
                    + "removes, 0 to below 1 (used by --compress).", Default.of("0")).range("below 1"),
            s("guest memory", "memory-layout", Type.CHOICE, MemoryLayout.words(), "Where the writer's array and the "
                    + "used pages lie: middle (the array in the middle, used pages spread), linux (a booted Linux "
                    + "guest's: RAM/64 + 5.7 MiB at the top, the other used pages from the bottom up, the array "
                    + "their last part, zeros between).",
                    Default.of(MemoryLayout.MIDDLE.word())).note("The top of RAM is the tail of every pass."),
            // ---- link ----
            s("link", "bandwidth", Type.RATE, "RATE", "Link bandwidth: 100MiB/s, 1GiB/s, 800Mbit/s, 10Gbit/s "
                    + "(100M = MiB/s; 100MB/s = 10^8 B/s).", Default.of("1Gbit/s")).note("1 Gbit/s = 119.2 MiB/s.")
                    .withBench(null, "Link bandwidth (QEMU: max-bandwidth).", null),
            s("link", "bandwidth-cap", Type.RATE, "RATE", "The hypervisor's own limit (QEMU max-bandwidth, "
                    + "128MiB/s there by default).", Default.absent("none"))
                    .note("The migration gets the lower of the two.").datacenter("profiles[].bandwidthCap"),
            s("link", "postcopy-bandwidth-cap", Type.RATE, "RATE", "The hypervisor's limit for the post-copy phase "
                    + "(QEMU max-postcopy-bandwidth, unlimited there by default), or none.",
                    Default.absent("as --bandwidth-cap")),
            s("link", "latency", Type.DURATION, "DURATION", "Round-trip time: 300us, 5ms.", Default.of("0ms"))
                    .note("Half is added per phase, a whole one per post-copy fault."),
            // ---- workload ----
            s("workload", "write-model", Type.TEXT, "MODEL", "How the guest dirties memory: none, uniform, "
                    + "working-set, sweep, trace:FILE, or parts joined by + (each may end @RATE), e.g. "
                    + "working-set+uniform@200.", Default.absent("working-set if --working-set and --dirty-rate "
                    + "are given, uniform if only --dirty-rate is, else none")).datacenter("vms[].writes.model")
                    .note("See \"Write models\" below."),
            s("workload", "dirty-rate", Type.NUMBER, "PAGES/S", "Page writes per second (uniform, working-set hot "
                    + "set, sweep).", Default.absent("none")).datacenter("vms[].writes.pagesPerSecond"),
            s("workload", "working-set", Type.SIZE, "SIZE", "Hot set of working-set, or the array of sweep.",
                    Default.absent("none")).datacenter("vms[].writes.workingSet")
                    .note("A datacenter's sweep calls it vms[].writes.array."),
            s("workload", "cold-dirty-rate", Type.NUMBER, "PAGES/S", "working-set only: writes per second outside "
                    + "the hot set.", Default.of("0")).datacenter("vms[].writes.coldPagesPerSecond"),
            s("workload", "paced", Type.BOOLEAN, null, "The writer is paced by the clock (serves requests, as most "
                    + "services do) and catches up after a throttle pause, instead of being CPU-bound.",
                    Default.of(false)),
            s("workload", "catch-up", Type.DURATION, "DURATION", "--paced: how far behind the writer catches up "
                    + "(miglab's guest memwriter's backlog).", Default.of(PacedWrites.DEFAULT_CATCH_UP)),
            s("workload", "writer-phase", Type.TEXT, "SHARE|median", "sweep: where in its array the writer stands "
                    + "when the migration starts, 0 to below 1; median: not known, the run at the median total time "
                    + "over " + SweepWrites.MEDIAN_PHASES + " evenly spaced starting points.", Default.of("0"))
                    .note("A writer running since boot stands anywhere; the end game turns on where."),
            // ---- algorithm and termination ----
            s("algorithm and termination", "algorithm", Type.TEXT, "NAME", "Migration algorithm (see 'miglab "
                    + "algorithms').", Default.of("precopy")).alsoBench().datacenter("profiles[].algorithm")
                    .note("The standard ones: stop-and-copy, precopy, postcopy, hybrid; the help lists the "
                            + "registered ones."),
            s("algorithm and termination", "policy", Type.CHOICE, "qemu|xen|custom", "When pre-copy stops: qemu "
                    + "(downtime limit, cancel at timeout), xen (50 pages, 30 rounds, 3x memory), custom (from the "
                    + "flags below).", Default.of("qemu")).note("See \"Termination policies\" below.")
                    .withBench("qemu|xen", "When pre-copy stops: qemu (downtime limit, cancel after the timeout) or "
                            + "xen (50 pages, 30 rounds, 3x memory, then stop-and-copy).", null),
            s("algorithm and termination", "downtime-limit", Type.DURATION, "DURATION", "Converge when the rest "
                    + "can be sent within this.", Default.of(TerminationPolicy.QEMU_DOWNTIME_LIMIT))
                    .note("qemu and custom policies; the default is QEMU's.").datacenter("profiles[].downtimeLimit")
                    .withBench(null, "qemu policy: converge when the rest fits this.", null),
            s("algorithm and termination", "max-rounds", Type.INTEGER, "N", "custom policy: at most N rounds after "
                    + "the first pass.", Default.absent("none")).range("1..100000")
                    .datacenter("profiles[].maxRounds"),
            s("algorithm and termination", "max-data", Type.NUMBER, "FACTOR", "custom policy: at most FACTOR x "
                    + "memory sent.", Default.absent("none")).range("1..1000").datacenter("profiles[].maxData"),
            s("algorithm and termination", "min-dirty-pages", Type.INTEGER, "N", "custom policy: converge when "
                    + "fewer than N pages are dirty.", Default.absent("none")).range("from 1")
                    .datacenter("profiles[].minDirtyPages"),
            s("algorithm and termination", "timeout", Type.DURATION, "DURATION", "qemu and custom policies: give up "
                    + "iterating after this.", Default.of(TerminationPolicy.DEFAULT_TIMEOUT))
                    .note("QEMU itself has no limit; the default is core's.").datacenter("profiles[].timeout")
                    .withBench(null, "qemu policy: cancel a migration that has not converged after this.",
                            Default.of(BenchConfig.REFERENCE_TIMEOUT)),
            s("algorithm and termination", "on-limit", Type.CHOICE, "stop-and-copy|cancel", "What to do when a "
                    + "limit is hit.", Default.absent("cancel for qemu, stop-and-copy for xen and custom"))
                    .note("A limit: rounds, data or timeout, reached before convergence.")
                    .datacenter("profiles[].onLimit"),
            s("algorithm and termination", "mid-pass-check", Type.BOOLEAN, null, "qemu and custom policies: check "
                    + "--downtime-limit while a pass is under way, as QEMU does (the unsent rest of the pass goes "
                    + "into the downtime), not only at round ends.", Default.of(false))
                    .note("As QEMU's migration_iteration_run: an idle 1 GiB guest at 100 MiB/s then has 259 ms of "
                            + "downtime instead of 2.5 ms (the check runs before each 100 ms sending budget, so "
                            + "the tail is within one budget of the limit)."),
            // ---- auto-converge ----
            s("auto-converge", "auto-converge", Type.BOOLEAN, null, "Throttle the vCPUs when the guest dirties "
                    + "faster than the link sends.", Default.of(false)).note("QEMU's rule.")
                    .datacenter("profiles[].autoConverge")
                    .withBench(null, "QEMU's auto-converge throttling with its default settings.", null),
            s("auto-converge", "throttle-initial", Type.INTEGER, "PERCENT", "First throttle step.",
                    Default.of(THROTTLE.initialPercent())).range("1..99"),
            s("auto-converge", "throttle-increment", Type.INTEGER, "PERCENT", "Added at each later step.",
                    Default.of(THROTTLE.incrementPercent())).range("1..99"),
            s("auto-converge", "throttle-max", Type.INTEGER, "PERCENT", "Highest throttle.",
                    Default.of(THROTTLE.maxPercent())).range("throttle-initial..99"),
            s("auto-converge", "throttle-trigger-threshold", Type.INTEGER, "PERCENT", "Throttle when dirtied bytes "
                    + "exceed this share of sent bytes.", Default.of(THROTTLE.triggerThresholdPercent()))
                    .range("1..100"),
            s("auto-converge", "throttle-sync-waits", Type.BOOLEAN, null, "Each dirty-bitmap sync waits for a "
                    + "throttled vCPU to end its throttle sleep.", Default.of(false))
                    .note("QEMU under TCG (tcg_log_global_after_sync); not KVM's dirty bitmap."),
            // ---- page encoding ----
            s("page encoding", "xbzrle", Type.BOOLEAN, null, "Delta-encode re-sent pages found in a cache.",
                    Default.of(false)),
            s("page encoding", "xbzrle-cache", Type.SIZE, "SIZE", "XBZRLE cache size.",
                    Default.ofBytes(XBZRLE.cacheSize().bytes())).note("QEMU's default."),
            s("page encoding", "xbzrle-delta", Type.SHARE, "SHARE", "Size of an encoded delta, as a share of a "
                    + "page.", Default.of(Double.toString(XBZRLE.deltaRatio()))),
            s("page encoding", "multifd-channels", Type.INTEGER, "N", "QEMU's multifd: send pages over N "
                    + "channels (0: one stream). Each rate-limit period then sends its budget plus the 512 KiB "
                    + "packets the channels still hold when it trips, (N + 1) / 2 on average.", Default.of("0")).range("0..255")
                    .note("QEMU charges a multifd packet to max-bandwidth only once written (multifd.c)."),
            s("page encoding", "compress", Type.BOOLEAN, null, "Compress pages (ratio from --compressibility).",
                    Default.of(false)),
            s("page encoding", "compress-throughput", Type.RATE, "RATE", "How fast the CPU compresses.",
                    Default.of("100MiB/s")).note("miglab's assumption: about one zlib level-1 thread; the "
                    + "slower of link and compressor sets the pace."),
            s("page encoding", "zero-page-elision", Type.BOOLEAN, null, "Send all-zero pages as a header only "
                    + "(--no-zero-page-elision to send them whole).",
                    Default.of(Optimisations.defaults().zeroPageElision()))
                    .note("The header is 8 bytes; QEMU always does this."),
            // ---- post-copy and hybrid ----
            s("post-copy and hybrid", "precopy-rounds", Type.INTEGER, "N", "hybrid: pre-copy rounds before "
                    + "switching to post-copy.", Default.of(POST_COPY.precopyRounds())).range("1..100000")
                    .note("Round 0 is the full pass.").datacenter("profiles[].precopyRounds"),
            s("post-copy and hybrid", "switch-after", Type.DURATION, "DURATION", "hybrid: switch after this long "
                    + "(in the middle of a pass, as QEMU's migrate-start-postcopy), if sooner.", Default.absent("none")),
            s("post-copy and hybrid", "postcopy-preempt", Type.BOOLEAN, null, "postcopy, hybrid: QEMU's "
                    + "postcopy-preempt: demand pages go on a channel of their own, beside the background push and "
                    + "outside its cap.", Default.of(POST_COPY.preempt()))
                    .note("Without it a demand page queues in the push's stream; under a cap it waits for the next "
                            + "100 ms rate-limit period."),
            s("post-copy and hybrid", "prepaging", Type.INTEGER, "PAGES", "postcopy, hybrid: on a fault also push "
                    + "up to this many following pages.", Default.of(POST_COPY.prepagingPages())).range("0..65536"),
            // ---- NAS-assisted pre-copy ----
            s("NAS-assisted pre-copy", "nas", Type.BOOLEAN, null, "Pre-copy through a NAS: the first pass and the "
                    + "stop-and-copy go to the destination and to the NAS, later rounds go source -> NAS -> "
                    + "destination (the seed's model; see docs/protocol.md).", Default.of(false)),
            s("NAS-assisted pre-copy", "nas-in-bandwidth", Type.RATE, "RATE", "--nas: the source -> NAS link.",
                    Default.of("10Gbit/s")),
            s("NAS-assisted pre-copy", "nas-out-bandwidth", Type.RATE, "RATE", "--nas: the NAS -> destination "
                    + "link.", Default.of("10Gbit/s")),
            s("NAS-assisted pre-copy", "nas-latency", Type.DURATION, "DURATION", "--nas: round-trip time of each "
                    + "NAS link.", Default.of("0ms")).note("A relayed round adds half the source's and a whole "
                    + "destination's round trip (the fetch)."),
            s("NAS-assisted pre-copy", "nas-disks", Type.INTEGER, "N", "--nas: disks of the NAS's RAID 5 array.",
                    Default.of(Raid5.DEFAULT_DISKS)).range("3..64")
                    .note("A small write costs 4 disk operations per byte, a full stripe n/(n-1)."),
            s("NAS-assisted pre-copy", "nas-stripe", Type.SIZE, "SIZE", "--nas: the RAID's chunk per disk (a "
                    + "stripe holds n-1 of them).", Default.ofBytes(Raid5.DEFAULT_STRIPE_UNIT.bytes()))
                    .range("a power of two from 4 KiB").note("Linux md's default."),
            s("NAS-assisted pre-copy", "nas-disk-rate", Type.RATE, "RATE", "--nas: what one disk reads or writes "
                    + "per second.", Default.of("150MB/s")).note("A 7200 rpm SATA disk."),
            // ---- storage ----
            s("storage", "disk-size", Type.SIZE, "SIZE", "The VM's local disk, which the destination cannot reach "
                    + "unless --storage shared.", Default.absent("none (no disk to move)"))
                    .note("A whole number of --disk-block blocks."),
            s("storage", "storage", Type.CHOICE, "shared|block-precopy|mirror", "--disk-size: how the disk moves: "
                    + "shared (nothing to copy), block-precopy (copied before memory in dirty-block rounds), "
                    + "mirror (copied while new writes are mirrored synchronously).", Default.of("mirror")),
            s("storage", "disk-allocated", Type.SHARE, "SHARE", "--disk-size: share of the disk holding data (only "
                    + "that is copied).", Default.of("1")),
            s("storage", "disk-write-rate", Type.RATE, "RATE", "--disk-size: how fast the guest writes to its "
                    + "disk.", Default.absent("0 (an idle disk)")),
            s("storage", "disk-working-set", Type.SIZE, "SIZE", "--disk-size: the part of the disk the writes fall "
                    + "in.", Default.absent("the allocated part")),
            s("storage", "disk-block", Type.SIZE, "SIZE", "--disk-size: the dirty-block granularity.",
                    Default.ofBytes(DiskSpec.DEFAULT_BLOCK.bytes())).note("QEMU's mirror default."));

    /**
     * Every setting: the migration's own, its fixed costs ({@link FixedCostSettings}), the staged protocol's ({@link ProtocolSettings}), netlab's shared link
     * ({@link NetlabSettings}), then those of a user's QEMU guest ({@link QemuGuestSettings}).
     */
    public static final List<Setting> ALL = java.util.stream.Stream.of(MIGRATION, FixedCostSettings.ALL,
            ProtocolSettings.ALL, NetlabSettings.ALL, QemuGuestSettings.ALL).flatMap(List::stream).toList();

    private Settings() { }

    static Setting s(String group, String name, Type type, String label, String help, Default d) {
        EnumSet<Use> uses = EnumSet.copyOf(Use.RUNS);
        uses.add(Use.SCENARIO_FILE);
        return s(group, name, type, label, help, d, uses);
    }

    static Setting s(String group, String name, Type type, String label, String help, Default d, Set<Use> uses) {
        return new Setting(name, type, label, group, help, d, uses, null, null, null, Optional.empty());
    }

    /** {@link #ALL} by name: the spec factory looks defaults up for every input of every migration. */
    private static final Map<String, Setting> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Setting::name, s -> s, (a, b) -> a));

    public static Optional<Setting> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Setting get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no setting " + name));
    }

    /** The settings {@code use} takes, in the help's order, as {@code use} shows them. */
    public static List<Setting> of(Use use) {
        return ALL.stream().filter(s -> s.takenBy(use)).map(s -> s.as(use)).toList();
    }

    /** Every key a scenario file may hold, in the help's order. */
    public static List<String> scenarioKeys() {
        return of(Use.SCENARIO_FILE).stream().map(Setting::name).toList();
    }

    /** The value a left-out input means, if it has one. */
    public static Optional<String> defaultValue(String name) {
        return find(name).map(s -> s.dflt().value());
    }
}
