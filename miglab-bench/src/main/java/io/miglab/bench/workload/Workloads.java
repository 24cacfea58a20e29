package io.miglab.bench.workload;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.CombinedWrites;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's fixed workload set. The definitions are part of the benchmark: changing one makes new results
 * incomparable with stored ones, so add a new name instead. docs/bench.md has the table of these mappings.
 */
public final class Workloads {
    public static final int PAGE = 4096;
    /** The array of the memory writers (memwriter's {@code ws_mb}). */
    public static final int MEM_WORKING_SET_MIB = 64;

    private static final Map<String, Workload> STANDARD = new LinkedHashMap<>();

    static {
        add(new Workload("idle", "idle guest: only the 10 ms heartbeat runs", GuestProgram.IDLE, 0, 0,
                new NoWrites(), 0, 100));
        add(memory("mem-low", 1_000));
        add(memory("mem-mid", 5_000));
        add(memory("mem-high", 20_000));
        // cpuburn keeps its state in registers; what it dirties is the kernel's own housekeeping (timer, scheduler,
        // serial output), modelled as a small hot set.
        add(new Workload("cpu", "CPU-bound: cpuburn, xorshift steps as fast as the vCPU runs", GuestProgram.CPUBURN,
                0, 0, new WorkingSetWrites(ByteSize.ofMiB(1), PAGE, 200, 0), 0, 1.0));
        // httpd under load: socket buffers, skbs and the page cache of the served file turn over in a hot set of
        // 16 MiB; the forked request handlers touch fresh pages elsewhere now and then.
        add(new Workload("web", "web server: busybox httpd, requests from a load generator on the host",
                GuestProgram.HTTPD, 0, 0, new WorkingSetWrites(ByteSize.ofMiB(16), PAGE, 2_000, 50), 0, 1.0));
        // A file server writing a rotating spool of files through the page cache: sequential writes over a 128 MiB
        // area at 10 MiB/s, plus metadata updates (inodes, dentries, journal) in a small hot set.
        add(new Workload("file", "file-server-like: rotating 128 MiB spool of files written at 10 MiB/s",
                GuestProgram.MEMWRITER, 128, 2_500, new CombinedWrites(List.of(
                        new SweepWrites(ByteSize.ofMiB(128), PAGE, 2_500),
                        new WorkingSetWrites(ByteSize.ofMiB(2), PAGE, 100, 0))),
                ByteSize.ofMiB(128).bytes(), 2_500));
    }

    private Workloads() { }

    private static Workload memory(String name, int pagesPerSecond) {
        return new Workload(name, String.format(java.util.Locale.ROOT,
                "memory writer: %d MiB array, %,d pages/s (array load test)", MEM_WORKING_SET_MIB, pagesPerSecond),
                GuestProgram.MEMWRITER, MEM_WORKING_SET_MIB, pagesPerSecond,
                new SweepWrites(ByteSize.ofMiB(MEM_WORKING_SET_MIB), PAGE, pagesPerSecond),
                ByteSize.ofMiB(MEM_WORKING_SET_MIB).bytes(), pagesPerSecond);
    }

    private static void add(Workload w) {
        STANDARD.put(w.name(), w);
    }

    public static List<Workload> standard() {
        return List.copyOf(STANDARD.values());
    }

    public static List<String> names() {
        return List.copyOf(STANDARD.keySet());
    }

    public static Workload byName(String name) {
        Workload w = STANDARD.get(name == null ? "" : name.trim());
        if (w == null) throw new InvalidSpecException("workloads", "names from " + String.join(", ", names()), name);
        return w;
    }

    /** Parses {@code idle,mem-low,...}; {@code all} means every standard workload. Duplicates are an error. */
    public static List<Workload> parse(String csv) {
        InvalidSpecException.require(csv != null && !csv.isBlank(), "workloads",
                "a comma-separated list from " + String.join(", ", names()), "nothing");
        if (csv.trim().equals("all")) return standard();
        List<Workload> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            Workload w = byName(part);
            InvalidSpecException.require(!out.contains(w), "workloads", "each workload once", part.trim());
            out.add(w);
        }
        return List.copyOf(out);
    }
}
