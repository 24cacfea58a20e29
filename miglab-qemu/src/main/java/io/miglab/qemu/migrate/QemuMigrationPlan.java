package io.miglab.qemu.migrate;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.algorithm.MigrationAlgorithm;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A {@link MigrationSpec} translated into what QEMU is told: the guest to boot, capabilities and parameters for
 * both sides, and the limits miglab itself enforces (QEMU has no round or time limit). Anything the real run
 * cannot honour is either rejected with an {@link InvalidSpecException} or listed in {@link #notes()}.
 *
 * @param sourceCapabilities every capability miglab manages, set explicitly on or off, so a source reused for a
 *                           second migration does not keep the first one's settings
 */
public record QemuMigrationPlan(GuestConfig guest, MigrationAlgorithm algorithm,
                                Map<String, Boolean> sourceCapabilities,
                                Map<String, Boolean> destinationCapabilities, Map<String, Object> sourceParameters,
                                Map<String, Object> destinationParameters, Duration timeout,
                                OptionalInt maxRounds, OptionalDouble maxDataBytes,
                                TerminationPolicy.LimitAction onLimit, Duration roundTripLatency, List<String> notes) {
    /** QEMU's upper bound for downtime-limit (MAX_MIGRATE_DOWNTIME, migration/options.c), ms. */
    public static final long MAX_DOWNTIME_LIMIT_MS = 2_000_000;
    /** When the policy has no time limit, miglab still gives up after this long. */
    public static final Duration SAFETY_TIMEOUT = Duration.ofMinutes(10);
    static final int PAGE_SIZE = 4096;

    public QemuMigrationPlan {
        notes = List.copyOf(notes);
    }

    /** A link's own rate faster than loopback carries: what stands for a phase QEMU leaves uncapped. */
    public static final DataRate UNCAPPED_LINK = DataRate.ofMiBps(10_240);

    /**
     * {@code cap} as QEMU's max-bandwidth over a faster link, the post-copy phase at QEMU's default
     * (max-postcopy-bandwidth 0: unlimited, the link's own rate), as this plan sets it.
     */
    public static Link postCopyUncapped(DataRate cap, Duration roundTrip) {
        return new Link(UNCAPPED_LINK, roundTrip, Optional.of(cap), Optional.empty());
    }

    public static QemuMigrationPlan of(MigrationSpec spec, QemuRunOptions options) {
        return of(spec, options, AlgorithmRegistry.standard());
    }

    /** The plan with the algorithm from {@code algorithms}; its decisions are carried out by {@link MigrationSteering}. */
    public static QemuMigrationPlan of(MigrationSpec spec, QemuRunOptions options, AlgorithmRegistry algorithms) {
        List<String> notes = new ArrayList<>();
        MigrationAlgorithm algorithm = algorithms.create(spec.algorithm());
        algorithm.qemuLimitation().ifPresent(why -> {
            throw new InvalidSpecException("algorithm", "an algorithm the qemu backend can carry out (" + why + ")",
                    spec.algorithm());
        });
        InvalidSpecException.require(spec.memory().pageSizeBytes() == PAGE_SIZE, "page-size",
                "4096 for the QEMU x86 guest", spec.memory().pageSizeBytes());
        GuestConfig guest = guestFor(spec, options);
        options.guestWorkload().filter(w -> w == Workload.CPUBURN || w == Workload.HTTPD).ifPresent(w ->
                notes.add("guest workload " + w.guestName() + " (run option): its memory writes are the real "
                        + "program's and the kernel's; the spec's write model (none) does not describe them"));
        options.userGuest().ifPresent(u -> notes.add("the user's guest (" + describe(guest) + "): its workload is "
                + "its own; downtime is QEMU's figure, and the heartbeat's gap beside it when the guest prints "
                + "miglab's HB lines (docs/own-guest.md)"));
        if (spec.memory().zeroPageShare() > 0 || spec.memory().compressibility() > 0) {
            notes.add("zero-page share and compressibility of the spec are ignored: the real guest's RAM decides");
        }
        if (spec.memory().layout() != MemoryLayout.MIDDLE) {
            notes.add("memory layout " + spec.memory().layout().word() + " of the spec is ignored: the real guest's "
                    + "kernel places its memory");
        }
        double bandwidth = spec.link().effectiveBandwidth().bytesPerSecond();
        boolean postcopy = algorithm.mayUsePostCopy();
        Optimisations opt = spec.optimisations();
        // the spec's channels (a model knob), else the run option's
        int channels = opt.multifdChannels() > 0 ? opt.multifdChannels() : options.multifdChannels();
        boolean multifd = channels > 0;
        if (opt.compression().isPresent()) {
            throw new InvalidSpecException("compression", "off for the qemu backend (QEMU 9.1 removed its compress "
                    + "threads)", "on");
        }

        Map<String, Boolean> srcCaps = new LinkedHashMap<>();
        srcCaps.put("events", true);
        srcCaps.put("auto-converge", spec.autoConverge().isPresent());
        srcCaps.put("xbzrle", opt.xbzrle().isPresent());
        srcCaps.put("postcopy-ram", postcopy);
        srcCaps.put("multifd", multifd);
        boolean preempt = postcopy && (spec.postCopy().preempt() || options.postcopyPreempt());
        srcCaps.put("postcopy-preempt", preempt);
        Map<String, Boolean> dstCaps = new LinkedHashMap<>();
        dstCaps.put("postcopy-ram", postcopy);
        dstCaps.put("multifd", multifd);
        dstCaps.put("postcopy-preempt", preempt);

        Map<String, Object> srcParams = new LinkedHashMap<>();
        srcParams.put("max-bandwidth", Math.round(bandwidth));
        if (postcopy) {
            // post-copy has its own cap, unlimited by default in QEMU (max-postcopy-bandwidth 0); the spec's is the
            // link's post-copy rate (the user's rate stands for QEMU's caps on loopback). A link with a pre-copy cap
            // and none for post-copy leaves QEMU's default: the link's own rate, which loopback stands for.
            boolean linkRate = spec.link().postCopyCap().isEmpty() && spec.link().bandwidthCap().isPresent();
            srcParams.put("max-postcopy-bandwidth", linkRate ? 0L
                    : Math.round(spec.link().postCopyBandwidth().bytesPerSecond()));
        }
        srcParams.put("downtime-limit", downtimeLimitMs(spec.policy(), bandwidth, notes));
        srcParams.put("zero-page-detection", opt.zeroPageElision() ? "legacy" : "none");
        opt.xbzrle().ifPresent(x -> {
            srcParams.put("xbzrle-cache-size", x.cacheSize().bytes());
            notes.add("xbzrle delta ratio is the data's own in the real run (the spec's "
                    + x.deltaRatio() + " is ignored)");
        });
        spec.autoConverge().ifPresent(a -> putThrottle(srcParams, a));
        Map<String, Object> dstParams = new LinkedHashMap<>();
        if (multifd) {
            srcParams.put("multifd-channels", channels);
            dstParams.put("multifd-channels", channels);
        }
        if (postcopy && spec.postCopy().prepagingPages() > 0) {
            notes.add("pre-paging (" + spec.postCopy().prepagingPages() + " pages) has no QEMU setting; ignored");
        }

        TerminationPolicy policy = spec.policy();
        Duration timeout = policy.find(StopCondition.Timeout.class).map(StopCondition.Timeout::after)
                .orElseGet(() -> {
                    notes.add("the policy has no time limit; miglab cancels after " + SAFETY_TIMEOUT.toMinutes()
                            + " min anyway");
                    return SAFETY_TIMEOUT;
                });
        OptionalInt maxRounds = policy.find(StopCondition.MaxRounds.class)
                .map(r -> OptionalInt.of(r.rounds())).orElse(OptionalInt.empty());
        OptionalDouble maxData = policy.find(StopCondition.MaxData.class)
                .map(m -> OptionalDouble.of(m.factor() * spec.memory().bytes())).orElse(OptionalDouble.empty());
        if (policy.onLimit() == TerminationPolicy.LimitAction.STOP_AND_COPY) {
            notes.add("at a limit miglab forces the switch-over by raising downtime-limit to "
                    + MAX_DOWNTIME_LIMIT_MS + " ms (QEMU then stops the guest at its next check)");
        }
        if (spec.link().roundTripLatency().toNanos() > 0) {
            notes.add("latency " + spec.link().roundTripLatency().toMillis()
                    + " ms round trip through miglab's user-space relay on 127.0.0.1");
        }
        return new QemuMigrationPlan(guest, algorithm, srcCaps, dstCaps, srcParams, dstParams, timeout, maxRounds,
                maxData, policy.onLimit(), spec.link().roundTripLatency(), notes);
    }

    /**
     * The guest for the spec and the run options: the options' {@code guestWorkload} if set, else the write
     * model's. cpuburn and httpd write memory in ways no write model here describes, so they need write model none;
     * an explicit idle or memwriter must agree with the write model.
     */
    public static GuestConfig guestFor(MigrationSpec spec, QemuRunOptions options) {
        if (options.userGuest().isPresent()) {
            InvalidSpecException.require(spec.writeModel() instanceof NoWrites, "write-model",
                    "none with a user's guest (its workload is its own; miglab measures what it does)",
                    spec.writeModel().describe());
            InvalidSpecException.require(spec.storage().isEmpty(), "disk-size",
                    "none with a user's guest (its disk, if any, is --guest-disk on shared storage)", "a disk");
            return GuestConfig.user(spec.memory().size(), options.userGuest().get());
        }
        if (options.guestWorkload().isEmpty()) return guestFor(spec);
        Workload w = options.guestWorkload().get();
        return switch (w) {
            case IDLE, CPUBURN, HTTPD -> {
                InvalidSpecException.require(spec.writeModel() instanceof NoWrites, "write-model",
                        "none when the guest runs " + w.guestName() + " (its writes are the real program's)",
                        spec.writeModel().describe());
                yield QemuDisks.attach(new GuestConfig(spec.memory().size(), w, 1, 0), spec);
            }
            case MEMWRITER -> {
                InvalidSpecException.require(!(spec.writeModel() instanceof NoWrites), "write-model",
                        "sweep or working-set when the guest runs memwriter (its array and pace)",
                        spec.writeModel().describe());
                yield guestFor(spec);
            }
        };
    }

    /** A user's guest in a few words: what it boots, RAM, vCPUs. */
    static String describe(GuestConfig guest) {
        String what = guest.source() instanceof io.miglab.qemu.launch.GuestSource.Kernel k
                ? "kernel " + k.kernel().getFileName() + k.initrd().map(i -> " + " + i.getFileName()).orElse("")
                : guest.source() instanceof io.miglab.qemu.launch.GuestSource.Disk d
                ? "disk " + d.image().getFileName() : "miglab's guest";
        return what + ", " + guest.memoryMiB() + " MiB, " + guest.vcpus() + " vCPU";
    }

    /**
     * The workload the guest can run for the spec's write model: idle, or memwriter for a sweep (address order) or
     * a working set without cold writes (pages drawn uniformly from it), either paced ({@link PacedWrites}: its
     * catch-up becomes memwriter's backlog; 0 is a CPU-bound writer) or as it is (memwriter's own 100 ms backlog).
     */
    static GuestConfig guestFor(MigrationSpec spec) {
        ByteSize memory = spec.memory().size();
        WriteModel model = spec.writeModel();
        if (model instanceof NoWrites) return QemuDisks.attach(GuestConfig.idle(memory), spec);
        int catchUpMs = GuestConfig.MEMWRITER_CATCH_UP_MS;
        if (model instanceof PacedWrites p) {
            catchUpMs = (int) Math.min(60_000, p.catchUp().toMillis());
            model = p.inner();
        }
        ByteSize array;
        boolean random;
        int pageSize;
        if (model instanceof SweepWrites s) {
            array = s.array();
            random = false;
            pageSize = s.pageSizeBytes();
        } else if (model instanceof WorkingSetWrites w && w.coldPagesPerSecond() == 0) {
            array = w.workingSet();
            random = true;
            pageSize = w.pageSizeBytes();
        } else {
            throw new InvalidSpecException("write-model", "none, sweep or working-set without cold writes for the "
                    + "qemu backend (its guest runs idle or memwriter, over an array in address order or at random; "
                    + "the other models run in simulate, predict and sweep)", spec.writeModel().describe());
        }
        InvalidSpecException.require(array.bytes() % ByteSize.MIB == 0, "working-set",
                "a whole number of MiB for the guest's memwriter", array);
        InvalidSpecException.require(pageSize == PAGE_SIZE, "page-size", "4096 for the guest's memwriter", pageSize);
        return QemuDisks.attach(GuestConfig.memwriter(memory, (int) (array.bytes() / ByteSize.MIB),
                (int) Math.round(model.pagesPerSecond())).withWriter(random, catchUpMs), spec);
    }

    /**
     * QEMU switches over when what is left fits bandwidth x downtime-limit (migration/migration.c). A "fewer than
     * n dirty pages" clause becomes the downtime-limit that n pages take at the link's bandwidth.
     */
    private static long downtimeLimitMs(TerminationPolicy policy, double bandwidth, List<String> notes) {
        long limit = -1;
        for (StopCondition c : policy.conditions()) {
            if (c instanceof StopCondition.DowntimeBelow d) {
                limit = Math.max(limit, d.limit().toMillis());
            } else if (c instanceof StopCondition.FewDirtyPages f) {
                long ms = (long) Math.ceil(f.pages() * (double) PAGE_SIZE / bandwidth * 1000);
                notes.add(String.format(Locale.ROOT, "'fewer than %d dirty pages' approximated by downtime-limit "
                        + "%d ms (their transfer time at the link's bandwidth)", f.pages(), ms));
                limit = Math.max(limit, ms);
            }
        }
        if (limit < 0) {
            notes.add("no convergence clause: downtime-limit 1 ms (QEMU switches over only when almost nothing is "
                    + "left)");
            limit = 1;
        }
        return Math.min(Math.max(1, limit), MAX_DOWNTIME_LIMIT_MS);
    }

    private static void putThrottle(Map<String, Object> params, AutoConverge a) {
        params.put("cpu-throttle-initial", a.initialPercent());
        params.put("cpu-throttle-increment", a.incrementPercent());
        params.put("max-cpu-throttle", a.maxPercent());
        params.put("throttle-trigger-threshold", a.triggerThresholdPercent());
    }
}
