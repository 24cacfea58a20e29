package io.miglab.cli.spec;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.trace.DirtyTraceReader;
import io.miglab.core.spec.Announce;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.FailureSpec;
import io.miglab.core.spec.FirstPages;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.ProtocolOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.TraceWrites;
import io.miglab.core.write.WriteModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link ScenarioValues} (flags, scenario file, sweep point) into a validated {@link MigrationSpec}. Inputs
 * that would have no effect in the chosen combination are errors rather than silently ignored. An error caused by
 * a scenario file's value names the file too. Trace files are read once per factory.
 */
public final class SpecFactory {
    /** Settings that belong to some algorithms only ({@code MigrationAlgorithm.ownSettings()}). */
    private static final List<String> ALGORITHM_SETTINGS = List.of("precopy-rounds", "switch-after", "prepaging",
            "postcopy-preempt");
    private final AlgorithmRegistry registry;
    private final Map<Path, DirtyTraceReader.TraceFile> traces = new HashMap<>();
    private final SpecParts parts = new SpecParts();
    /** The inputs and hypervisor profile of the last spec built; null before the first and after a failure. */
    private ScenarioValues lastValues;
    private Map<String, String> lastProfile;

    public SpecFactory(AlgorithmRegistry registry) {
        this.registry = registry;
    }

    /**
     * The spec of {@code values}. Synchronized: a part's last version must be that of the last spec built, as
     * {@link #lastValues} tells which keys changed since.
     */
    public synchronized MigrationSpec build(ScenarioValues values) {
        String[] changed = lastValues == null ? null : values.changedFrom(lastValues);
        // until this spec is built: a failure leaves some parts at this spec's version and some at the last one's
        lastValues = null;
        SpecInputs in = new SpecInputs(values, Map.of(), changed);
        try {
            SpecInputs chosen = in;
            Map<String, String> profile = parts.of("profile", chosen, null, () -> HypervisorChoice.settings(chosen));
            in = new SpecInputs(values, profile, profile == lastProfile ? changed : null);
            MigrationSpec spec = build(in);
            lastValues = values;
            lastProfile = profile;
            return spec;
        } catch (InvalidSpecException e) {
            throw named(in, e);
        }
    }

    private static RuntimeException named(SpecInputs in, InvalidSpecException e) {
        Optional<String> origin = in.origin(e.field());
        if (origin.isPresent() && origin.get().startsWith("scenario ")) {
            return new BadInputException(e.getMessage() + " in " + origin.get().substring("scenario ".length()), e);
        }
        return e;
    }

    /** Each part is built only when a setting it reads differs from the last spec's ({@link SpecParts}). */
    private MigrationSpec build(SpecInputs in) {
        GuestMemory memory = parts.of("memory", in, null, () -> memory(in));
        Link link = parts.of("link", in, null, () -> link(in));
        String algorithm = parts.of("algorithm", in, null, () -> algorithm(in));
        WriteModel writes = parts.of("writes", in, memory,
                () -> WriteModelParser.parse(in, memory, file -> trace(file, memory)));
        TerminationPolicy policy = parts.of("policy", in, null, () -> PolicyBuilder.build(in));
        return new MigrationSpec(memory, writes, link, algorithm, policy,
                parts.of("auto-converge", in, null, () -> autoConverge(in)),
                parts.of("optimisations", in, null, () -> optimisations(in)),
                parts.of("post-copy", in, algorithm, () -> postCopy(in, algorithm)),
                parts.of("overheads", in, null, () -> overheads(in)),
                parts.of("seed", in, null, () -> Values.integer("seed", in.text("seed"), Long.MIN_VALUE,
                        Long.MAX_VALUE)),
                parts.of("storage", in, null, () -> StorageSettings.storage(in)),
                parts.of("nas", in, null, () -> StorageSettings.nas(in)),
                parts.of("protocol", in, null, () -> protocol(in)));
    }

    private static GuestMemory memory(SpecInputs in) {
        ByteSize pageSize = Values.size("page-size", in.text("page-size"));
        InvalidSpecException.require(pageSize.bytes() <= Integer.MAX_VALUE, "page-size",
                "a power of two from 512 to 2MiB", pageSize);
        return new GuestMemory(Values.size("memory", in.text("memory")), (int) pageSize.bytes(),
                Values.share("zero-pages", in.text("zero-pages")),
                Values.share("compressibility", in.text("compressibility")), ByteSize.ofBytes(0),
                MemoryLayout.of(in.text("memory-layout")));
    }

    private static Link link(SpecInputs in) {
        Link link = new Link(Values.rate("bandwidth", in.text("bandwidth")),
                Values.duration("latency", in.text("latency")),
                in.optional("bandwidth-cap").map(t -> Values.rate("bandwidth-cap", t)));
        return new Link(link.bandwidth(), link.roundTripLatency(), link.bandwidthCap(),
                in.optional("postcopy-bandwidth-cap").map(SpecFactory::postCopyCap).orElse(link.bandwidthCap()));
    }

    private static ProtocolOptions protocol(SpecInputs in) {
        return new ProtocolOptions(Values.duration("reservation-time", in.text("reservation-time")),
                (int) Values.integer("vcpus", in.text("vcpus"), 1, 4096),
                in.optional("destination-free-memory").map(t -> Values.size("destination-free-memory", t)),
                in.optional("destination-free-vcpus")
                        .map(t -> (int) Values.integer("destination-free-vcpus", t, 0, 1_000_000)),
                in.optional("fail").map(FailureSpec::parse),
                Values.duration("detect-time", in.text("detect-time")),
                Values.duration("reconnect-time", in.text("reconnect-time")));
    }

    /** {@code none}: the post-copy phase runs uncapped (QEMU's default). */
    private static Optional<DataRate> postCopyCap(String text) {
        return text.trim().equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(Values.rate("postcopy-bandwidth-cap", text));
    }

    private String algorithm(SpecInputs in) {
        String name = in.text("algorithm").trim();
        if (!registry.contains(name)) {
            throw new InvalidSpecException("algorithm", "one of " + String.join(", ", registry.names()),
                    "'" + name + "'");
        }
        return name;
    }

    private static Optional<AutoConverge> autoConverge(SpecInputs in) {
        List<String> knobs = List.of("throttle-initial", "throttle-increment", "throttle-max",
                "throttle-trigger-threshold", "throttle-sync-waits");
        if (!Values.bool("auto-converge", in.text("auto-converge"))) {
            for (String k : knobs) in.forbid(k, "--auto-converge");
            return Optional.empty();
        }
        return Optional.of(new AutoConverge(percent(in, knobs.get(0), 99), percent(in, knobs.get(1), 99),
                percent(in, knobs.get(2), 99), percent(in, knobs.get(3), 100),
                Values.bool(knobs.get(4), in.text(knobs.get(4)))));
    }

    /** A throttle can go up to 99 % (QEMU's max-cpu-throttle); the trigger threshold up to 100 %. */
    private static int percent(SpecInputs in, String key, int max) {
        return (int) Values.integer(key, in.text(key), 1, max);
    }

    private static Optimisations optimisations(SpecInputs in) {
        Optional<Optimisations.Xbzrle> xbzrle = Optional.empty();
        if (Values.bool("xbzrle", in.text("xbzrle"))) {
            xbzrle = Optional.of(new Optimisations.Xbzrle(Values.size("xbzrle-cache", in.text("xbzrle-cache")),
                    Values.share("xbzrle-delta", in.text("xbzrle-delta"))));
        } else {
            in.forbid("xbzrle-cache", "--xbzrle");
            in.forbid("xbzrle-delta", "--xbzrle");
        }
        Optional<Optimisations.Compression> compression = Optional.empty();
        if (Values.bool("compress", in.text("compress"))) {
            compression = Optional.of(new Optimisations.Compression(
                    Values.rate("compress-throughput", in.text("compress-throughput"))));
        } else {
            in.forbid("compress-throughput", "--compress");
        }
        return new Optimisations(Values.bool("zero-page-elision", in.text("zero-page-elision")), xbzrle, compression,
                (int) Values.integer("multifd-channels", in.text("multifd-channels"), 0,
                        Optimisations.MAX_MULTIFD_CHANNELS));
    }

    /**
     * Hybrid and post-copy knobs; giving one to an algorithm that does not read it is an error (except on a sweep's
     * algorithm axis, where the same knobs serve every point).
     */
    private PostCopyOptions postCopy(SpecInputs in, String algorithm) {
        boolean checked = !in.origin("algorithm").map(ScenarioValues.SWEEP::equals).orElse(false);
        Set<String> own = registry.create(algorithm).ownSettings();
        for (String setting : ALGORITHM_SETTINGS) {
            // the names are joined only when the setting was given (this runs for every migration of a batch)
            if (checked && !own.contains(setting) && in.givenByUser(setting)) {
                in.forbid(setting, "--algorithm " + String.join(" or ", registry.namesReading(setting)));
            }
        }
        Optional<Duration> switchAfter = in.optional("switch-after").map(t -> Values.duration("switch-after", t));
        return new PostCopyOptions((int) Values.integer("precopy-rounds", in.text("precopy-rounds"), 1, 100_000),
                switchAfter, (int) Values.integer("prepaging", in.text("prepaging"), 0, 65_536),
                Values.bool("postcopy-preempt", in.text("postcopy-preempt")));
    }

    private static Overheads overheads(SpecInputs in) {
        return new Overheads(Values.duration("preparation-time", in.text("preparation-time")),
                Values.duration("resume-time", in.text("resume-time")),
                Values.size("device-state", in.text("device-state")),
                Values.duration("sync-cost", in.text("sync-cost")),
                new Announce(Values.duration("announce-initial", in.text("announce-initial")),
                        Values.duration("announce-max", in.text("announce-max")),
                        (int) Values.integer("announce-rounds", in.text("announce-rounds"), 0, 1000),
                        Values.duration("announce-step", in.text("announce-step"))),
                Values.duration("postcopy-page-cost", in.text("postcopy-page-cost")),
                new ResumeFaults((int) Values.integer("resume-pages", in.text("resume-pages"), 0,
                        ResumeFaults.MAX_PAGES), Values.duration("resume-fault-cost", in.text("resume-fault-cost")),
                        Values.size("resume-fault-queue", in.text("resume-fault-queue")),
                        Values.share("resume-written", in.text("resume-written")),
                        Values.duration("resume-run", in.text("resume-run")),
                        Values.duration("resume-turnaround", in.text("resume-turnaround"))),
                Values.duration("zero-page-cost", in.text("zero-page-cost")),
                optionalRate(in, "switch-over-rate"),
                new FirstPages(optionalRate(in, "first-page-rate"),
                        Values.size("first-page-buffer", in.text("first-page-buffer"))));
    }

    /** A rate setting that may be {@code none}. */
    private static Optional<DataRate> optionalRate(SpecInputs in, String name) {
        return in.optional(name).filter(t -> !t.trim().equalsIgnoreCase("none")).map(t -> Values.rate(name, t));
    }

    private TraceWrites trace(String file, GuestMemory memory) {
        DirtyTraceReader.TraceFile t = traces.computeIfAbsent(Path.of(file).toAbsolutePath().normalize(),
                DirtyTraceReader::read);
        InvalidSpecException.require(t.pageSizeBytes() == memory.pageSizeBytes(), "page-size",
                "the trace's page_size (" + t.pageSizeBytes() + " in " + file + ")", memory.pageSizeBytes());
        InvalidSpecException.require(t.trace().highestPage() < memory.pages(), "write-model",
                "a trace whose pages are below the guest's " + memory.pages() + " pages",
                "page " + t.trace().highestPage() + " in " + file);
        return new TraceWrites(t.trace(), file);
    }
}
