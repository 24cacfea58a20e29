package io.miglab.datacenter.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.datacenter.model.CpuPattern;
import io.miglab.datacenter.model.CpuTrace;
import io.miglab.datacenter.model.HostSpec;
import io.miglab.datacenter.model.PowerModel;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.core.profile.HypervisorProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a scenario from YAML (Jackson). Unknown fields, wrong types and out-of-range values are reported as an
 * {@link InvalidSpecException} whose message names the field, e.g. {@code racks[0].host.coress: a known field
 * (cores, memory, nic, idleWatts, peakWatts) (got coress)}. Relative file names (traces, profiles) are resolved
 * against the scenario's folder.
 */
public final class ScenarioReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ScenarioReader() { }

    public static Scenario read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return toScenario(parse(r, ScenarioFile.class), file.toAbsolutePath().getParent());
        }
    }

    public static Scenario read(Reader reader, Path baseDirectory) throws IOException {
        return toScenario(parse(reader, ScenarioFile.class), baseDirectory);
    }

    static <T> T parse(Reader reader, Class<T> type) throws IOException {
        try {
            T t = YAML.readValue(reader, type);
            if (t == null) throw new InvalidSpecException("scenario", "a YAML mapping", "an empty file");
            return t;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            throw new InvalidSpecException(path(e), "a known field (" + known + ")", e.getPropertyName());
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(path(e), YamlProblems.expected(e), YamlProblems.got(e));
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException("scenario", "valid YAML", YamlProblems.syntax(e) + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) b.append(b.length() > 0 ? "." : "").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
        }
        return b.length() == 0 ? "scenario" : b.toString();
    }

    static Scenario toScenario(ScenarioFile f, Path base) throws IOException {
        HypervisorProfiles profiles = HypervisorProfiles.standard();
        if (f.profilesFile() != null) {
            try (Reader r = open("profilesFile", "a readable YAML file of profiles", base, f.profilesFile())) {
                ProfileReader.addAll(profiles, parse(r, ProfileFile.class).profiles());
            }
        }
        ProfileReader.addAll(profiles, f.profiles());
        ScenarioFile.Policy p = f.policy() == null ? new ScenarioFile.Policy(null, null, null, null, null, null, null,
                null, null, null) : f.policy();
        PolicyConfig d = PolicyConfig.defaults("none");
        double over = or(p.overThreshold(), d.overThreshold());
        PolicyConfig policy = new PolicyConfig(or(p.name(), "none"), over,
                or(p.underThreshold(), d.underThreshold()), or(p.placementCeiling(), over),
                or(p.vmSelection(), d.vmSelection()),
                or(p.placement(), d.placement()), or(p.maxMigrationsPerInterval(), d.maxMigrationsPerInterval()),
                or(p.maxConcurrentPerHost(), d.maxConcurrentPerHost()), or(p.maxConcurrent(), d.maxConcurrent()),
                p.coolDown() == null ? d.coolDownSeconds() : Durations.seconds("policy.coolDown", p.coolDown()));
        io.miglab.datacenter.policy.PolicyRegistry registry = io.miglab.datacenter.policy.PolicyRegistry.standard();
        registry.policy(policy.name());
        registry.selection(policy.vmSelection());
        registry.placement(policy.placement());
        ScenarioFile.Network n = f.network() == null ? new ScenarioFile.Network(null, null, null, null) : f.network();
        NetworkConfig network = new NetworkConfig(DataRate.parse("network.rackUplink", or(n.rackUplink(), "40Gbit/s")),
                DataRate.parse("network.core", or(n.core(), "400Gbit/s")),
                Durations.duration("network.latency", or(n.latency(), "0.2ms")),
                or(n.migrationCoresPerGbps(), NetworkConfig.DEFAULT_CORES_PER_GBPS));
        InvalidSpecException.require(f.racks() != null && !f.racks().isEmpty(), "racks", "at least one rack group",
                "none");
        List<RackGroup> racks = new ArrayList<>();
        for (int i = 0; i < f.racks().size(); i++) racks.add(rackGroup("racks[" + i + "]", f.racks().get(i)));
        List<VmGroup> vms = new ArrayList<>();
        if (f.vms() != null) for (int i = 0; i < f.vms().size(); i++) vms.add(vmGroup("vms[" + i + "]", f.vms().get(i), base, f.storage()));
        List<Maintenance> downs = new ArrayList<>();
        if (f.maintenance() != null) {
            for (int i = 0; i < f.maintenance().size(); i++) {
                ScenarioFile.Down m = f.maintenance().get(i);
                downs.add(new Maintenance(Durations.seconds("maintenance[" + i + "].at", or(m.at(), "0s")), m.hosts(),
                        m.racks()));
            }
        }
        String initial = or(f.initialPlacement(), "spread");
        if (!initial.equals("spread") && !registry.placementNames().contains(initial)) {
            throw new InvalidSpecException("initialPlacement", "spread or one of "
                    + String.join(", ", registry.placementNames()), initial);
        }
        int limit = f.report() == null || f.report().hostSeriesLimit() == null ? 200 : f.report().hostSeriesLimit();
        return new Scenario(or(f.name(), "scenario"), or(f.seed(), 1L),
                Durations.seconds("duration", or(f.duration(), "1h")),
                Durations.seconds("schedulingInterval", or(f.schedulingInterval(), "300s")),
                profiles.get(or(f.profile(), "kvm")), policy, network, racks, vms, downs, initial, limit,
                FailuresReader.read(f.failures()), nas(f.nas()));
    }

    private static RackGroup rackGroup(String at, ScenarioFile.Racks r) {
        InvalidSpecException.require(r.host() != null, at + ".host", "a host description", "none");
        ScenarioFile.Host h = r.host();
        InvalidSpecException.require(h.cores() != null, at + ".host.cores", "1 to 4096", "nothing");
        HostSpec spec = new HostSpec(h.cores(), ByteSize.parse(at + ".host.memory", h.memory()),
                DataRate.parse(at + ".host.nic", or(h.nic(), "10Gbit/s")),
                new PowerModel(or(h.idleWatts(), 100.0), or(h.peakWatts(), 250.0)));
        return new RackGroup(or(r.count(), 1), or(r.hostsPerRack(), 1), spec);
    }

    private static VmGroup vmGroup(String at, ScenarioFile.Vms v, Path base, String strategy) throws IOException {
        InvalidSpecException.require(v.memory() != null && !v.memory().isEmpty(), at + ".memory",
                "a size or a list of sizes", "nothing");
        List<ByteSize> memory = new ArrayList<>();
        for (String m : v.memory()) memory.add(ByteSize.parse(at + ".memory", m));
        InvalidSpecException.require(v.name() != null && !v.name().isBlank(), at + ".name", "a population name",
                v.name() == null ? "nothing" : "'" + v.name() + "'");
        return new VmGroup(v.name(), or(v.count(), 1), or(v.vcpus(), 1), memory, v.memoryWeights(),
                or(v.zeroPageShare(), 0.0), writes(at + ".writes", v.writes()), cpu(at + ".cpu", v.cpu(), base),
                v.hosts(), disk(at + ".disk", v.disk(), strategy));
    }

    /** A VM group's disk as the CLI reads --disk-*: allocated 1, working set the allocated part, idle, 64 KiB. */
    static Optional<StorageSpec> disk(String at, ScenarioFile.Disk d, String strategy) {
        if (d == null) return Optional.empty();
        InvalidSpecException.require(d.size() != null, at + ".size", "a size such as 20GiB", "nothing");
        ByteSize size = ByteSize.parse(at + ".size", d.size());
        double allocated = d.allocated() == null ? 1 : d.allocated();
        ByteSize block = d.block() == null ? DiskSpec.DEFAULT_BLOCK : ByteSize.parse(at + ".block", d.block());
        ByteSize workingSet = d.workingSet() != null ? ByteSize.parse(at + ".workingSet", d.workingSet())
                : ByteSize.ofBytes(Math.round(size.bytes() * allocated / block.bytes()) * block.bytes());
        double writes = d.writeRate() == null ? 0 : DataRate.parse(at + ".writeRate", d.writeRate()).bytesPerSecond();
        StorageStrategy s = strategy == null ? StorageStrategy.SHARED : StorageStrategy.parse("storage", strategy);
        return Optional.of(new StorageSpec(new DiskSpec(size, allocated, writes, workingSet, block), s));
    }

    static WriteModel writes(String at, ScenarioFile.Writes w) {
        if (w == null || w.model() == null || w.model().equals("none")) return new NoWrites();
        double rate = w.pagesPerSecond() != null ? w.pagesPerSecond()
                : w.dirtyRate() != null ? DataRate.parse(at + ".dirtyRate", w.dirtyRate()).bytesPerSecond() / 4096 : -1;
        InvalidSpecException.require(rate >= 0, at + ".pagesPerSecond", "pages/s >= 0 (or dirtyRate)",
                w.pagesPerSecond() != null ? w.pagesPerSecond() : "nothing");
        return switch (w.model().toLowerCase(Locale.ROOT)) {
            case "uniform" -> new UniformWrites(rate);
            case "sweep" -> new SweepWrites(ByteSize.parse(at + ".array", w.array()), 4096, rate);
            case "working-set" -> new WorkingSetWrites(ByteSize.parse(at + ".workingSet", w.workingSet()), 4096, rate,
                    or(w.coldPagesPerSecond(), 0.0));
            default -> throw new InvalidSpecException(at + ".model", "none, uniform, sweep or working-set", w.model());
        };
    }

    static CpuPattern cpu(String at, ScenarioFile.Cpu c, Path base) throws IOException {
        if (c == null || c.pattern() == null) return new CpuPattern.Constant(c == null ? 0.5 : or(c.share(), 0.5));
        return switch (c.pattern().toLowerCase(Locale.ROOT)) {
            case "constant" -> new CpuPattern.Constant(or(c.share(), 0.5));
            case "diurnal" -> new CpuPattern.Diurnal(or(c.mean(), 0.4), or(c.amplitude(), 0.3),
                    Durations.seconds(at + ".period", or(c.period(), "24h")),
                    Durations.seconds(at + ".phase", or(c.phase(), "0s")),
                    Durations.seconds(at + ".phaseJitter", or(c.phaseJitter(), "0s")));
            case "random-walk" -> new CpuPattern.RandomWalk(or(c.start(), 0.4), or(c.step(), 0.1), or(c.min(), 0.0),
                    or(c.max(), 1.0));
            case "trace" -> {
                InvalidSpecException.require(c.file() != null, at + ".file", "a CSV file time_s,vm,cpu_share", "nothing");
                try (InputStream in = openStream(at + ".file", "a readable CSV file time_s,vm,cpu_share", base,
                        c.file())) {
                    yield new CpuPattern.TraceReplay(CpuTrace.read(c.file(), in));
                }
            }
            default -> throw new InvalidSpecException(at + ".pattern", "constant, diurnal, random-walk or trace",
                    c.pattern());
        };
    }

    /** Opens a file the scenario names (relative to its folder); a missing or unreadable one is an error naming the field. */
    private static Reader open(String field, String allowed, Path base, String name) {
        Path p = base.resolve(name);
        try {
            return Files.newBufferedReader(p);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(field, allowed, "'" + p + "': no such file");
        } catch (IOException e) {
            throw new InvalidSpecException(field, allowed, "'" + p + "': " + e.getMessage());
        }
    }

    /** The same as {@link #open}, as bytes (the CPU trace reader parses bytes). */
    private static InputStream openStream(String field, String allowed, Path base, String name) {
        Path p = base.resolve(name);
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(field, allowed, "'" + p + "': no such file");
        } catch (IOException e) {
            throw new InvalidSpecException(field, allowed, "'" + p + "': " + e.getMessage());
        }
    }

    private static <T> T or(T value, T fallback) { return value == null ? fallback : value; }

    /** The {@code nas:} section; absent: no NAS. Defaults: 10Gbit/s, 4 disks of 150MB/s, RAID 5, assist. */
    static NasConfig nas(ScenarioFile.Nas n) {
        if (n == null) return null;
        return new NasConfig(or(n.name(), "nas"), DataRate.parse("nas.link", or(n.link(), "10Gbit/s")),
                or(n.disks(), io.miglab.core.storage.Raid5.DEFAULT_DISKS),
                DataRate.parse("nas.diskThroughput", or(n.diskThroughput(), "150MB/s")), or(n.raid5(), true),
                or(n.assist(), true));
    }
}
