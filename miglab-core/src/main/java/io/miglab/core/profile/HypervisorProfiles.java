package io.miglab.core.profile;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.Announce;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.FirstPages;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named hypervisor presets, one line each; users add more from YAML (the datacenter's {@code ProfileReader}, which
 * the single-run commands' {@code --profiles} reads too). Sources and the values that are this model's assumptions
 * are listed in docs/datacenter.md ("Hypervisor profiles").
 */
public final class HypervisorProfiles {
    /** QEMU migration/options.c: max-bandwidth defaults to 128 MiB/s (MAX_THROTTLE). */
    public static final DataRate QEMU_MAX_BANDWIDTH = DataRate.ofMiBps(128);
    /** vMotion's switch-over target used here: about half a second (an assumption, see the doc). */
    public static final Duration VMOTION_SWITCHOVER = Duration.ofMillis(500);

    /**
     * QEMU has no migration timeout of its own; an operator or a cloud cancels. miglab's single-migration default
     * (60 s) would cancel every guest above 7.5 GiB at 128 MiB/s, so the datacenter profiles use 800 s, OpenStack
     * Nova's live_migration_completion_timeout default (Nova scales it per GiB of RAM; a flat value here).
     */
    public static final Duration KVM_TIMEOUT = Duration.ofSeconds(800);

    /** QEMU's switch-over test, on every rate-limit period of a pass; miglab cancels after {@link #KVM_TIMEOUT}. */
    private static final TerminationPolicy QEMU_POLICY = new TerminationPolicy("qemu", List.of(
            new StopCondition.DowntimeBelow(TerminationPolicy.QEMU_DOWNTIME_LIMIT, true),
            new StopCondition.Timeout(KVM_TIMEOUT)), TerminationPolicy.LimitAction.CANCEL);

    /**
     * The destination's time per zero page in QEMU 10's post-copy beyond reading it off the stream: one
     * UFFDIO_ZEROPAGE ioctl each (postcopy_place_page_zero, migration/postcopy-ram.c), where pre-copy only reads the
     * page (a normal page's UFFDIO_COPY costs what pre-copy's first write of it does, inside the link's rate). One
     * thread reads and places each page (ram_load_postcopy, migration/ram.c), so with the phase uncapped
     * (max-postcopy-bandwidth 0) the push takes bytes / loopback rate + zero pages x this
     * (MigrationSpec.postCopyHostSeconds). Least squares (through the origin) over the 18 runs of the three
     * uncapped post-copy cases of the corpus (docs/qemu-vs-sim.json, none held out; repeats included) of the push
     * (QEMU's switch-over's end to completion) less its bytes at 575 MiB/s against the zero pages (241,963, 98,776
     * and 34,667 a run): 1.095 us (CalibrationFitTest refits it). QEMU's own trace events of one such run
     * (SwitchOverTraceMain, 2026-12-01) put it at 1.07 us; the three first runs alone gave 1.30 us, which made the
     * uncapped pushes 6 to 22 % slow against their repeats. The earlier 2.15 us a page, zero or not, took the slower
     * of the wire and the placement, which the runs contradict (the 512 MiB guest's push was slower than either
     * alone, the idle 1 GiB guest's faster than 2.15 us a page). On a quiet 2-core TCG host; the cost is the
     * destination's CPU, so it grows with host load. The capped runs are wire-bound, not in the fit.
     */
    public static final Duration QEMU_POSTCOPY_PLACEMENT = Duration.ofNanos(1_100);

    /**
     * Pages miglab's QEMU guest touches one after another when it resumes after a switch into post-copy: QEMU
     * counted 18 and 20 page requests (query-migrate's postcopy-requests) over the whole post-copy phase of the two
     * uncapped post-copy runs without preempt of the corpus (docs/qemu-vs-sim.md: 256 MiB with memwriter, idle
     * 1 GiB), where the pause took most of the phase. Another guest's figure is what it shows there.
     */
    public static final int QEMU_GUEST_RESUME_PAGES = 20;

    /**
     * The share of those pages miglab's QEMU guest keeps writing ({@link ResumeFaults#writtenShare}): without preempt
     * its hybrids after their rounds, whose kernel block was sent, paused for about this share of the faults of a
     * switch at once. Fitted (least squares on relative error, CalibrationFitTest: 0.279) to the two hybrid runs
     * without preempt not held out, after 2 rounds at 10 MiB/s and 1 round at 20 MiB/s; the hybrids that switch in
     * the middle of the first pass (after 1, 2, 3 and 4 s) are held out.
     */
    public static final double QEMU_GUEST_RESUME_WRITTEN = 0.28;

    /**
     * QEMU 10's cost of the guest's demand faults after the switch into post-copy ({@link ResumeFaults}), each
     * figure refitted by CalibrationFitTest from the post-copy cases not held out, no held-out run used:
     * <ul>
     * <li>served at once: 9.2 ms of the hosts' handling per fault and, without preempt, 168 KiB ahead in the stream
     * (least squares on relative error of the heartbeat gap less the switch-over over the 18 runs so served: with
     * preempt at 10 MiB/s and uncapped, the uncapped idle 1 GiB guest, six runs each; 9.20 ms and 0.164 MiB). QEMU
     * spreads these pauses 2:1 between runs of one case (126 to 350 ms for the idle 1 GiB guest); the three first
     * runs alone gave 10.7 ms and 4 MiB, pinned by that guest's 350 ms, and put its other five runs 33 to 182 %
     * high. Its trace events show the page waiting a median 6.5 ms behind the stream, which the gaps do not show:
     * without preempt the rest of the handling is shorter, which one service figure for both does not separate;</li>
     * <li>in the rate limit's windows (capped, without preempt): 7.76 ms of the guest's running per resume page and a
     * turnaround of 1.56 ms per 100 ms period, solved from the runs at 10 and at 100 MiB/s (4,710 and 820 ms of gap).
     * The traced runs (SwitchOverTraceMain, 2026-12-01) show the mechanism: each request after the period's burst
     * was sent at the next period's start, at 10 MiB/s about one request a period for the whole 5.5 s pause.</li>
     * </ul>
     * On a 2-core TCG host.
     */
    public static final ResumeFaults QEMU_RESUME_FAULTS = new ResumeFaults(QEMU_GUEST_RESUME_PAGES,
            Duration.ofNanos(9_200_000), ByteSize.ofKiB(168), QEMU_GUEST_RESUME_WRITTEN,
            Duration.ofNanos(7_760_000), Duration.ofNanos(1_560_000));

    /**
     * The source's CPU time per zero page in QEMU 10 (save_zero_page: buffer_is_zero over the page, then its header;
     * migration/ram.c), which the migration thread spends inside a rate-limit period beside sending. QEMU asks for
     * transparent huge pages on guest RAM (physmem.c, ram_block_add: QEMU_MADV_HUGEPAGE), so a page the guest never
     * touched reads the host's huge zero page. Timed on this project's 2-core host with a C loop doing what
     * buffer_is_zero does over 2 GiB of anonymous memory (2026-11-30): 0.11 us per never-touched page with
     * MADV_HUGEPAGE (1.33 us without: a fault per 4 KiB page), 0.22 to 0.25 us per page the process had written
     * and zeroed; the higher figure is taken. It agrees with the idle 1 GiB guest at 100 MiB/s, whose first pass
     * took 600 ms for 60.2 MiB (docs/qemu-vs-sim.json): its 241,963 zero-page checks hid in the periods' slack.
     * An uncapped first pass (a 4 GiB idle guest, 1,015,082 zero pages and about 105 MB in 877 ms) goes at about
     * 0.8 us per zero page: the two QEMUs' pipeline, not the source's check, bounds that. At the switch-over, with
     * nothing capping the stream, the checks add to the downtime (MigrationSpec.switchOverWorkSeconds).
     */
    public static final Duration QEMU_ZERO_PAGE_COST = Duration.ofNanos(250);

    /**
     * The destination's rate for the pages of a first pass's tail that a switch-over sends (QEMU 10.0.2 under TCG,
     * 2-core host; trace events of both QEMUs, docs/qemu-vs-sim.md, "The destination at a first-pass
     * switch-over"): 360 to 490 MiB/s, about 430, whatever the guest's size; the source wrote 2 to 6 MiB ahead of it
     * into the sockets, 3 MiB taken. See {@link FirstPages}.
     */
    public static final FirstPages QEMU_FIRST_PAGES = new FirstPages(Optional.of(DataRate.ofMiBps(430)),
            ByteSize.ofMiB(3));

    /**
     * What QEMU 10 sends per second at a pre-copy switch-over under TCG on a quiet 2-core host: the guest's vCPUs
     * are stopped and max-bandwidth lifted (migration_completion_precopy), so the migration thread and the
     * destination have the CPU to themselves. Least squares through the fixed 1 ms of
     * {@link #QEMU_OVERHEADS}' resume, downtime - 1 ms = stop-copy bytes / rate, over the stored corpus runs
     * (docs/qemu-vs-sim.json, not held out) whose switch-over followed a dirty sync: 1,049 MiB/s (1,086
     * before the CPU-bound auto-converge runs were recorded again with their writers' rates; a free intercept: 2.7 ms
     * and 1,200 MiB/s). CalibrationFitTest refits it. The runs that switched over in their first
     * pass were slower (300 to 700 MiB/s) and are not in the fit: see docs/qemu-vs-sim.md, findings.
     */
    public static final DataRate QEMU_SWITCHOVER_RATE = DataRate.ofMiBps(1049);

    /**
     * QEMU 10's fixed costs, measured with miglab's QEMU backend (QEMU 10.0.2): setup-time 0 to 11 ms, 2 ms typical;
     * 1 ms of downtime for each post-copy switch-over, which sends only the device state (stop the vCPUs, last
     * sync, device state saved and loaded); device state and stream framing 114,084 B (a paused 256 MiB guest saved
     * with migrate file: made exactly ram.transferred bytes, of which all but these were RAM pages and headers);
     * self-announce rounds after activation with QEMU's defaults (net/announce.c, migration/options.c); in post-copy
     * the destination places each zero page with a UFFDIO_ZEROPAGE ioctl (migration/postcopy-ram.c),
     * {@link #QEMU_POSTCOPY_PLACEMENT} each; after a switch into post-copy the guest
     * waits for the pages it touches first ({@link #QEMU_RESUME_FAULTS}); the switch-over's zero-page checks
     * ({@link #QEMU_ZERO_PAGE_COST}), its rate with the guest paused ({@link #QEMU_SWITCHOVER_RATE}) and the
     * destination's slower take of pages it has never received ({@link #QEMU_FIRST_PAGES}).
     */
    public static final Overheads QEMU_OVERHEADS = new Overheads(Duration.ofMillis(2), Duration.ofMillis(1),
            ByteSize.ofBytes(114_084), Duration.ZERO, Announce.qemuDefaults(),
            QEMU_POSTCOPY_PLACEMENT, QEMU_RESUME_FAULTS, QEMU_ZERO_PAGE_COST, Optional.of(QEMU_SWITCHOVER_RATE),
            QEMU_FIRST_PAGES);

    /**
     * Host CPU a QEMU migration costs, source and destination QEMU together, per GiB sent, and the destination's
     * share of it: measured with miglab's per-thread host-cost sampling (/proc/PID/task/TID/stat of the source's
     * migration threads and the destination's threads but its vCPUs, over the migration; QEMU started with
     * debug-threads=on; qemu.host.HostCostMeter). {@code miglab migrate --backend qemu --memory 256M --bandwidth
     * 100MiB/s --write-model sweep --working-set 64M --dirty-rate 5000}, three runs, QEMU 10.0.2 under TCG on a
     * 2-core host at load 25, 2026-11-30: 2.37, 2.21 and 2.64 CPU-s per GiB, 2.4 their mean. The destination spent
     * 340 of 410, 340 of 410 and 420 of 518 ms (83, 83, 81 %, 0.82 the mean): its kernel time receiving the stream
     * and placing pages, its main loop loading them; the source's migration thread only copies into the socket
     * (docs/bench.md, "What migrating costs the host", the per-thread table). It was 1.5 per GiB from the whole
     * processes less the guest's own CPU, whose spread was larger than the figure, and charged half to each side.
     */
    public static final MigrationCpuCost QEMU_MIGRATION_CPU = new MigrationCpuCost(2.4, 0.82);

    private final Map<String, HypervisorProfile> profiles = new LinkedHashMap<>();
    /** Other names of a profile (kvm for qemu), found by {@link #get} but not listed by {@link #names}. */
    private final Map<String, String> aliases = new LinkedHashMap<>();

    public static HypervisorProfiles standard() {
        Overheads none = Overheads.defaults();
        return new HypervisorProfiles()
                .add(new HypervisorProfile("none", "miglab's defaults: pre-copy, 300 ms downtime limit checked at "
                        + "round ends, cancel after 1 h, no cap", "precopy", TerminationPolicy.qemu(),
                        Optional.empty(), Optional.empty(), Optional.empty(), false, Optimisations.defaults(), PostCopyOptions.defaults(),
                        none))
                // QEMU 10: downtime-limit 300 ms checked on every rate-limit period of the pass
                // (migration_iteration_run), max-bandwidth 128 MiB/s in pre-copy, the switch-over uncapped
                .add(new HypervisorProfile("kvm", "QEMU/KVM pre-copy: 300 ms downtime limit checked as pages go, "
                        + "128 MiB/s cap (switch-over uncapped), cancel after 800 s", "precopy",
                        QEMU_POLICY,
                        Optional.of(QEMU_MAX_BANDWIDTH), Optional.empty(),
                        Optional.empty(), false, Optimisations.defaults(), PostCopyOptions.defaults(), QEMU_OVERHEADS,
                        QEMU_MIGRATION_CPU))
                .alias("qemu", "kvm")
                .add(new HypervisorProfile("kvm-auto-converge", "kvm with auto-converge (QEMU defaults 20/10/99)",
                        "precopy", QEMU_POLICY,
                        Optional.of(QEMU_MAX_BANDWIDTH), Optional.empty(),
                        Optional.of(AutoConverge.qemuDefaults()), false, Optimisations.defaults(),
                        PostCopyOptions.defaults(), QEMU_OVERHEADS, QEMU_MIGRATION_CPU))
                .add(new HypervisorProfile("xen", "Xen xc_domain_save: stop below 50 dirty pages, after 30 rounds "
                        + "or 3x memory, then stop-and-copy; no rate limit", "precopy", TerminationPolicy.xen(),
                        Optional.empty(), Optional.empty(), Optional.empty(), false, Optimisations.defaults(), PostCopyOptions.defaults(),
                        none))
                .add(new HypervisorProfile("vmware", "vMotion: pre-copy with SDPS, 500 ms switch-over target; "
                        + "if it cannot converge, Quick Resume (post-copy of the rest)", "hybrid",
                        new TerminationPolicy("custom", List.of(new StopCondition.DowntimeBelow(VMOTION_SWITCHOVER),
                                new StopCondition.MaxRounds(30), new StopCondition.Timeout(Duration.ofSeconds(100))),
                                TerminationPolicy.LimitAction.STOP_AND_COPY),
                        Optional.empty(), Optional.empty(), Optional.empty(), true, Optimisations.defaults(),
                        new PostCopyOptions(100_000, Optional.empty(), 0),
                        new Overheads(Duration.ZERO, Duration.ZERO, ByteSize.ofKiB(256), Duration.ZERO)));
    }

    public HypervisorProfiles add(HypervisorProfile p) {
        if (aliases.containsKey(p.name()) || profiles.putIfAbsent(p.name(), p) != null) {
            throw new InvalidSpecException("profile.name", "a name not yet defined", p.name());
        }
        return this;
    }

    /** {@code name} finds the profile {@code target} too. */
    public HypervisorProfiles alias(String name, String target) {
        get(target);
        if (profiles.containsKey(name) || aliases.putIfAbsent(name, target) != null) {
            throw new InvalidSpecException("profile.name", "a name not yet defined", name);
        }
        return this;
    }

    public HypervisorProfile get(String name) {
        HypervisorProfile p = profiles.get(aliases.getOrDefault(name, name));
        if (p == null) throw new InvalidSpecException("profile", "one of " + choices(), name);
        return p;
    }

    public boolean contains(String name) { return profiles.containsKey(aliases.getOrDefault(name, name)); }

    /** The names for a help text or an error: every profile, with its aliases, e.g. {@code kvm (or qemu)}. */
    public String choices() {
        List<String> all = new java.util.ArrayList<>();
        for (String n : profiles.keySet()) {
            List<String> other = aliases.entrySet().stream().filter(a -> a.getValue().equals(n))
                    .map(Map.Entry::getKey).toList();
            all.add(other.isEmpty() ? n : n + " (or " + String.join(", ", other) + ")");
        }
        return String.join(", ", all);
    }

    public Set<String> names() { return Collections.unmodifiableSet(profiles.keySet()); }
}
