package io.miglab.qemu.calibrate;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a user's spec into the spec the page-level simulator should get to stand for miglab's QEMU guest on this
 * kind of machine (QEMU 10.0.2, TCG, 2 cores, the guest of scripts/setup-qemu.sh). QEMU's own behaviour (fixed
 * costs, the mid-pass convergence check, the cap and the uncapped switch-over) is the {@code qemu} hypervisor
 * profile's ({@link HypervisorProfiles}); what is here is the guest's: its used RAM, its clock-paced writer, and
 * two details a user cannot observe (the non-zero top of RAM, the zero-page scan). Every number was measured with
 * miglab's own QEMU backend; where it comes from is written next to it.
 */
public final class GuestCalibration {
    /**
     * Non-zero RAM of an idle guest, as a fixed part plus a part per GiB. Counted page by page in a pmemsave of a
     * guest paused one second after READY: 16,832 of 65,536 pages (65.8 MiB) at 256 MiB, 20,069 of 262,144
     * (78.4 MiB) at 1 GiB. The slope, 16.8 MiB per GiB (1.6 %), is the kernel's struct page array (64 B per
     * 4 KiB page); the rest is the kernel image loaded through PVH, the unpacked initramfs and early allocations.
     * Migrations agree: an idle guest sent 16,968 normal pages at 256 MiB, 20,163 at 1 GiB and 33,715 at 4 GiB
     * (this model: 32,970), re-sent pages included.
     */
    public static final double FOOTPRINT_BASE_MIB = 61.6;
    public static final double FOOTPRINT_MIB_PER_GIB = 16.8;
    /**
     * Of the memwriter's array, the MiB that land on pages the kernel freed at boot but did not zero (the initramfs
     * image, init sections, boot-time caches), so that they were non-zero before: by guest RAM, {RAM MiB, MiB}. The
     * same whatever the array's size: QEMU's own zero-page count (ram.duplicate) in the stored runs not held out,
     * as {@link #idleFootprint} + array - the non-zero pages QEMU found, gives 9.18 to 9.23 MiB at 256 MiB over 50
     * runs with arrays of 16, 32 and 64 MiB, 7.84 at 512 MiB (64 MiB) and 1.66 to 1.70 at 1 GiB (32 to 128 MiB);
     * linear in RAM between, the last beyond. (The held-out runs, not used: about 7.8 at 512 MiB for arrays of 24
     * to 128 MiB, 1.6 at 2 GiB.) CalibrationFitTest recomputes these from the stored runs.
     */
    static final double[][] FREED_DIRTY_REUSED_MIB = {{256, 9.2}, {512, 7.8}, {1024, 1.7}};
    /**
     * The non-zero top of RAM (GuestMemory.nonZeroTop): the kernel allocates its boot-time data top-down (memblock;
     * the struct page array, 16.8 MiB per GiB, sits at the top), and the top of RAM is the tail of each pass. The
     * tail of the idle 1 GiB guest's first pass (about 30 MiB) held 15.7 MiB (20.8 MiB on a re-run) of non-zero pages
     * in QEMU against 2.4 MiB with zero pages spread uniformly; 3 MiB + 16.8 MiB per GiB reproduces it.
     */
    public static final double NON_ZERO_TOP_BASE_MIB = 3;
    /**
     * Where the observable inputs say the guest's memory lies ({@code --memory-layout}): a booted Linux guest's, as
     * QEMU's first pass saw it (sampled every 20 ms: RAM/64 + 5.7 MiB at the top, the other used pages and the array
     * from the bottom up; MemoryLayout.LINUX). The default since 2026-11-30 (evening), with the destination's rate
     * for a first pass's tail (HypervisorProfiles.QEMU_FIRST_PAGES) and the source's zero-page check as measured
     * (0.25 us): the tail a first-pass switch-over sends is then the kernel's struct page array, as in QEMU, and
     * its downtime follows. The middle layout spreads the used pages and leaves zero pages in that tail. The
     * corpus in both layouts is in docs/qemu-vs-sim.md, Findings. GuestCalibrationTest holds this choice.
     */
    public static final MemoryLayout OBSERVED_LAYOUT = MemoryLayout.LINUX;
    /** QEMU's setup-time: 0 to 11 ms over the calibration runs, 2 ms typical. */
    public static final Duration SETUP = HypervisorProfiles.QEMU_OVERHEADS.preparation();
    /**
     * Device state and stream framing: a paused 256 MiB guest saved with {@code migrate file:} made a file of
     * exactly ram.transferred = 69,832,773 bytes, of which 16,881 normal pages x 4,104 B and 48,785 zero pages x
     * 9 B are RAM; the remaining 114,084 B are device state, section headers and RAM block names.
     */
    public static final ByteSize DEVICE_STATE = HypervisorProfiles.QEMU_OVERHEADS.deviceState();
    /**
     * Dirty-bitmap sync: not measurable at these sizes. MIGRATION_PASS intervals of non-converging runs equal
     * bytes / cap within 1 % (400 ms per 42 MB at 100 MiB/s, 1,000 ms per 52.6 MB at 50 MiB/s).
     */
    public static final Duration SYNC_PER_GIB = HypervisorProfiles.QEMU_OVERHEADS.syncPerGiB();
    /**
     * Fixed switch-over work (stop the vCPUs, last dirty sync, device state saved and loaded), beside the bytes:
     * QEMU reported 1 ms of downtime for each post-copy switch-over of the grid, which sends only the device state
     * (0.2 ms of it at {@link #LOOPBACK_MIB_PER_SECOND}), and the fit below leaves no more than that. (Before the
     * simulator sent the switch-over uncapped this was 4 ms, from the 7 ms of an idle 1 GiB guest at 10 MiB/s
     * less 1.7 MB at an assumed 550 MiB/s; the runs that stopped with 2.7 MiB in 3-5 ms contradict that.)
     */
    public static final Duration RESUME = HypervisorProfiles.QEMU_OVERHEADS.resume();

    /**
     * The link of a calibrated spec: what QEMU reaches on loopback under TCG without a rate limit. It only matters
     * at the switch-over, which QEMU sends uncapped (migration_completion_precopy and postcopy_start set
     * RATE_LIMIT_DISABLED; the simulator uses {@code Link.switchOverBandwidth()}), and when a user's cap is higher.
     * Fitted to the grid's stored runs (docs/qemu-vs-sim.json): over the completed pre-copy runs without XBZRLE
     * whose switch-over followed a dirty sync (more than one round; six runs, 1.6 to 26.3 MiB left), downtime -
     * {@link #RESUME} = stop-copy bytes / rate gives 576 MiB/s by least squares (a free intercept: 561 MiB/s and
     * -0.1 ms; the earlier estimate, bytes over the whole downtime, was 537 to 585 MiB/s). CalibrationFitTest
     * recomputes it from the stored runs. It depends on the CPU the migration threads get on the shared 2 cores:
     * two runs of 256 MiB with the 64 MiB array at a 4,000 MiB/s cap moved 121.6 MiB in 178 ms and 123.8 MiB in
     * 719 ms.
     */
    public static final double LOOPBACK_MIB_PER_SECOND = 575;
    /**
     * How far memwriter catches up after a pause (miglab-qemu/guest/memwriter.c: its 1 ms control loop caps the
     * backlog at {@code max_credit}, 100 ms worth of pages). Under QEMU's throttle it therefore keeps its full rate
     * until the throttle's sleep exceeds this ({@link PacedWrites}).
     */
    public static final Duration MEMWRITER_CATCH_UP = PacedWrites.DEFAULT_CATCH_UP;
    /**
     * Pages the guest touches one after another when it resumes after a switch into post-copy, as QEMU's
     * postcopy-requests showed it (the qemu profile's figure is this guest's; {@code --resume-pages}).
     */
    public static final int RESUME_PAGES = HypervisorProfiles.QEMU_GUEST_RESUME_PAGES;

    private GuestCalibration() {
    }

    /** The guest's non-zero footprint at this RAM size, before the workload. */
    public static ByteSize idleFootprint(ByteSize memory) {
        double mib = FOOTPRINT_BASE_MIB + FOOTPRINT_MIB_PER_GIB * memory.bytes() / (double) ByteSize.GIB;
        return ByteSize.ofBytes(Math.round(mib * ByteSize.MIB));
    }

    /**
     * Non-zero RAM at the start of the migration: the idle footprint plus the memwriter's array (resident before
     * READY), less the part of the array that reused freed dirty pages ({@link #FREED_DIRTY_REUSED_MIB}).
     */
    public static ByteSize nonZeroAtStart(MigrationSpec spec) {
        double footprint = idleFootprint(spec.memory().size()).mib();
        double memory = spec.memory().size().mib();
        double array = arrayMiB(spec.writeModel());
        double reused = Math.min(array, reusedMiB(memory));
        double mib = Math.min(memory, footprint + array - reused);
        return ByteSize.ofBytes(Math.round(mib * ByteSize.MIB));
    }

    /** {@link #FREED_DIRTY_REUSED_MIB} at {@code memoryMiB} of RAM: linear between the sizes measured. */
    public static double reusedMiB(double memoryMiB) {
        double[][] t = FREED_DIRTY_REUSED_MIB;
        if (memoryMiB <= t[0][0]) return t[0][1];
        for (int i = 1; i < t.length; i++) {
            if (memoryMiB <= t[i][0]) {
                double f = (memoryMiB - t[i - 1][0]) / (t[i][0] - t[i - 1][0]);
                return t[i - 1][1] + f * (t[i][1] - t[i - 1][1]);
            }
        }
        return t[t.length - 1][1];
    }

    /** memwriter's array: a sweep's, or a working set's (written at random), paced or not. */
    public static double arrayMiB(WriteModel writes) {
        WriteModel w = writes instanceof PacedWrites p ? p.inner() : writes;
        if (w instanceof SweepWrites s) return s.array().mib();
        if (w instanceof WorkingSetWrites ws) return ws.workingSet().mib();
        return 0;
    }

    /**
     * What a user who knows only what they can observe gives {@code simulate --hypervisor qemu}: the guest's RAM and
     * used RAM (as the zero-page share), its writes and that the writer is paced by the clock, the link's rate and
     * QEMU's max-bandwidth, downtime limit and timeout. The rest is the qemu profile's: its fixed costs and its
     * downtime check on every rate-limit period (a user's downtime limit keeps the profile's way of checking it).
     */
    public static MigrationSpec observed(MigrationSpec user) {
        HypervisorProfile qemu = HypervisorProfiles.standard().get("qemu");
        GuestMemory m = user.memory();
        double zeroShare = 1 - nonZeroAtStart(user).bytes() / (double) m.bytes();
        MigrationSpec base = qemu.specFor(m.withZeroPageShare(zeroShare).withLayout(OBSERVED_LAYOUT),
                paced(user.writeModel()),
                DataRate.ofMiBps(LOOPBACK_MIB_PER_SECOND), user.link().roundTripLatency(), user.seed());
        boolean postCopy = AlgorithmRegistry.standard().create(user.algorithm()).mayUsePostCopy();
        // post-copy: the user's post-copy rate is QEMU's max-postcopy-bandwidth, unless the user left that phase
        // uncapped over a faster link (QemuMigrationPlan then sets 0, and loopback's own rate applies)
        boolean linkRate = user.link().postCopyCap().isEmpty() && user.link().bandwidthCap().isPresent();
        Optional<DataRate> postCopyCap = linkRate ? Optional.empty() : Optional.of(user.link().postCopyBandwidth());
        return base.withLink(postCopy ? loopbackLink(user.link(), postCopyCap) : pausedLoopbackLink(user.link()))
                .withAlgorithm(user.algorithm())
                .withPolicy(user.policy().withMidPassCheck()).withAutoConverge(user.autoConverge())
                .withOptimisations(user.optimisations()).withPostCopy(user.postCopy())
                .withOverheads(base.overheads().withResumeFaults(base.overheads().resumeFaults()
                        .withPages(RESUME_PAGES)));
    }

    /**
     * The simulator's spec for miglab's own QEMU guest: {@link #observed} plus what only a measurement of this guest
     * gives: the non-zero top of RAM (the tail of each pass). The zero-page scan is the page-level simulator's own,
     * in each rate-limit period of the pass (PassSender.PeriodWork).
     */
    public static MigrationSpec forSimulator(MigrationSpec user) {
        MigrationSpec observed = observed(user);
        GuestMemory m = observed.memory();
        double nonZero = nonZeroAtStart(user).bytes();
        ByteSize top = ByteSize.ofBytes(Math.round(Math.min(nonZero, (NON_ZERO_TOP_BASE_MIB
                + FOOTPRINT_MIB_PER_GIB * m.bytes() / (double) ByteSize.GIB) * ByteSize.MIB)));
        return observed.withMemory(m.withNonZeroTop(top));
    }

    /**
     * QEMU's link: the user's rate is its max-bandwidth (QemuMigrationPlan), the stream itself runs over loopback.
     * A cap above what loopback carries leaves the loopback rate in force. The post-copy phase has its own cap
     * (max-postcopy-bandwidth, which miglab's QEMU backend sets to the user's post-copy rate).
     */
    static Link loopbackLink(Link user, Optional<DataRate> postCopyCap) {
        return new Link(DataRate.ofMiBps(LOOPBACK_MIB_PER_SECOND), user.roundTripLatency(),
                Optional.of(user.effectiveBandwidth()), postCopyCap);
    }

    /**
     * The link of a calibrated pre-copy spec: loopback has no rate of its own, the CPU sets it. With the guest
     * running the stream reaches {@link #LOOPBACK_MIB_PER_SECOND} uncapped, so the user's max-bandwidth is capped at
     * that; at the switch-over the guest is paused, and the stream reaches the qemu profile's switch-over rate
     * (HypervisorProfiles.QEMU_SWITCHOVER_RATE), which is then the most loopback carries. Post-copy keeps
     * {@link #loopbackLink}: its pages go with the guest running.
     */
    static Link pausedLoopbackLink(Link user) {
        DataRate running = DataRate.ofMiBps(LOOPBACK_MIB_PER_SECOND);
        DataRate paused = HypervisorProfiles.QEMU_OVERHEADS.switchOverRate().orElse(running);
        return new Link(paused.bytesPerSecond() > running.bytesPerSecond() ? paused : running, user.roundTripLatency(),
                Optional.of(user.effectiveBandwidth().min(running)), Optional.empty());
    }

    /**
     * The user's spec with the writer at the rate a run observed (the guest's own MEM reports,
     * {@code WriterReports.achievedPagesPerSecond}): the same array, order and pacing, {@code pagesPerSecond} of
     * them. The rate is an input a user observes, as the used RAM is; nothing is fitted.
     */
    public static MigrationSpec withWriterRate(MigrationSpec user, double pagesPerSecond) {
        return user.withWriteModel(atRate(user.writeModel(), pagesPerSecond));
    }

    private static WriteModel atRate(WriteModel writes, double pagesPerSecond) {
        if (writes instanceof PacedWrites p) return new PacedWrites(atRate(p.inner(), pagesPerSecond), p.catchUp());
        if (writes instanceof SweepWrites s) {
            return new SweepWrites(s.array(), s.pageSizeBytes(), pagesPerSecond, s.phase());
        }
        if (writes instanceof WorkingSetWrites w && w.coldPagesPerSecond() == 0) {
            return new WorkingSetWrites(w.workingSet(), w.pageSizeBytes(), pagesPerSecond, 0);
        }
        throw new IllegalArgumentException("writer's rate: a sweep or a working set without cold writes (got "
                + writes.describe() + ")");
    }

    /**
     * The guest's memwriter (the only sweep QemuMigrationPlan runs) keeps pace by the clock, and has swept since
     * boot: where it stands when the migration starts is not known (median of the phases).
     */
    static WriteModel paced(WriteModel user) {
        if (user instanceof SweepWrites s) return new PacedWrites(s.phaseNotKnown(), MEMWRITER_CATCH_UP);
        if (user instanceof PacedWrites p && p.inner() instanceof SweepWrites s) {
            return new PacedWrites(s.phaseNotKnown(), p.catchUp());
        }
        return user;
    }

    /** What {@link #forSimulator} changed, for reports. */
    public static List<String> describe(MigrationSpec user) {
        MigrationSpec c = forSimulator(user);
        return List.of(String.format(Locale.ROOT, "zero-page share %.3f (non-zero %s of %s)",
                        c.memory().zeroPageShare(), nonZeroAtStart(user), user.memory().size()),
                String.format(Locale.ROOT, "preparation %d ms (setup %d ms + zero-page scan beyond wire time)",
                        c.overheads().preparation().toMillis(), SETUP.toMillis()),
                "resume " + RESUME.toMillis() + " ms, device state " + DEVICE_STATE,
                "link " + c.link().bandwidth() + " capped at " + c.link().effectiveBandwidth()
                        + ", switch-over uncapped; downtime limit checked mid-pass"
                        + (c.writeModel() instanceof PacedWrites p ? "; writer " + p.describe() : ""));
    }
}
