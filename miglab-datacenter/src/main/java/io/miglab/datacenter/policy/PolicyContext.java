package io.miglab.datacenter.policy;

import io.miglab.core.result.MigrationResult;
import io.miglab.datacenter.engine.KeyOrder;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a policy sees and may do at one scheduling tick: the datacenter, the thresholds, the chosen placement and
 * VM selection, a budget of migrations, and a scratch plan (tentative placements not yet asked for, so that a
 * host is emptied only if all its VMs fit elsewhere).
 */
public final class PolicyContext {
    /** Asks for migrations; implemented by the simulation's migration scheduler. */
    public interface Migrator {
        void migrate(Vm vm, Host destination, String reason);

        /** Rate a migration of {@code vm} would get alone: its host's NIC, or the profile's cap if lower. */
        double soloRateBytesPerSecond(Vm vm);

        /** The migration of {@code vm} alone over a NIC share of {@code bytesPerSecond}, as the scheduler runs it. */
        MigrationResult predict(Vm vm, double bytesPerSecond);
    }

    /** Samples of CPU utilisation kept per host (and CPU share per VM, for selections that ask) for the detectors. */
    public static final int HISTORY_SAMPLES = 30;

    public static final String OVERLOAD = "overload";
    public static final String CONSOLIDATION = "consolidation";
    public static final String EVACUATION = "evacuation";

    private final Datacenter datacenter;
    private final PolicyConfig config;
    private final Placement placement;
    private final VmSelection selection;
    private final Migrator migrator;
    private final double[] planCores;
    private final long[] planMemory;
    private final List<Host> planned = new ArrayList<>();
    /** Snapshot of the hosts for fast scans, refreshed at each tick and after each change this context makes. */
    private final double[] committedCores;
    private final double[] cores;
    private final long[] freeMemory;
    private final boolean[] eligible;
    private final boolean[] on;
    private final HostScan scan;
    /** The hosts that are on by committed share, for best fit and least loaded; null for other placements. */
    private final HostIndex index;
    private final long seed;
    private final KeyOrder candidateOrder = new KeyOrder();
    private LeastFirst leastFirst;
    private final History hostHistory;
    private History vmHistory;
    private double[] lastMovedAt = new double[0];
    private double now;
    private int budget;
    private long ticks;

    /** @param seed the run's seed, for the selections that draw (random choice, tie-breaks) */
    public PolicyContext(Datacenter datacenter, PolicyConfig config, Placement placement, VmSelection selection,
                         Migrator migrator, long seed) {
        this.seed = seed;
        this.hostHistory = new History(datacenter.hosts().size(), HISTORY_SAMPLES);
        this.datacenter = datacenter;
        this.config = config;
        this.placement = placement;
        this.selection = selection;
        this.migrator = migrator;
        this.planCores = new double[datacenter.hosts().size()];
        this.planMemory = new long[datacenter.hosts().size()];
        int n = datacenter.hosts().size();
        this.committedCores = new double[n];
        this.cores = new double[n];
        this.freeMemory = new long[n];
        this.eligible = new boolean[n];
        this.on = new boolean[n];
        this.scan = new HostScan(cores, on);
        for (Host h : datacenter.hosts()) cores[h.id()] = h.spec().cores();
        this.index = placement == Placement.ByShare.BEST_FIT || placement == Placement.ByShare.LEAST_LOADED
                ? new HostIndex(cores) : null;
    }

    /** Starts a new tick. */
    public void begin(double now) {
        start(now);
        for (Host h : datacenter.hosts()) refresh(h);
    }

    private void start(double now) {
        this.now = now;
        this.budget = config.maxMigrationsPerInterval();
        if (index != null) index.invalidate(); // every host's demand changed: the index is rebuilt when asked
        clearPlan();
    }

    /** Records every host's CPU utilisation (and every VM's CPU share, if the selection uses it) at this tick. */
    public void sample() {
        ticks++;
        hostHistory.advance();
        for (Host h : datacenter.hosts()) hostHistory.set(h.id(), h.utilisation());
        sampleVms();
    }

    /**
     * {@link #begin} and {@link #sample} with the hosts shown one at a time: after this, the caller passes every
     * host to {@link #observe} (in one walk over the hosts that also does its own work), then calls
     * {@link #sampleVms}.
     */
    public void beginTick(double now) {
        start(now);
        ticks++;
        hostHistory.advance();
    }

    /** One host's part of {@link #begin} and {@link #sample}, after {@link #beginTick}. */
    public void observe(Host h) {
        refresh(h);
        hostHistory.set(h.id(), h.utilisation());
    }

    /** Records every VM's CPU share at this tick, if the selection uses it. */
    public void sampleVms() {
        if (!selection.usesVmHistory()) return;
        if (vmHistory == null) vmHistory = new History(datacenter.vms().size(), HISTORY_SAMPLES);
        vmHistory.advance();
        for (Vm v : datacenter.vms()) vmHistory.set(v.id(), v.demandCores() / v.vcpus());
    }

    /** The host's CPU utilisation at the last {@link History#length} ticks, oldest first. */
    public double[] history(Host h) { return hostHistory.of(h.id()); }

    /** The VM's CPU share at the last ticks, oldest first (empty unless the selection uses VM history). */
    public double[] history(Vm v) { return vmHistory == null ? new double[0] : vmHistory.of(v.id()); }

    /** A number drawn for {@code vm} at this tick from the run's seed: random choice and tie-breaks. */
    public long draw(Vm vm) {
        long z = seed * 0x9E3779B97F4A7C15L + ticks * 0xBF58476D1CE4E5B9L + vm.id() * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L; // SplitMix64's finaliser
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public MigrationResult predict(Vm vm, double bytesPerSecond) { return migrator.predict(vm, bytesPerSecond); }

    /** Whether {@code vm} was asked to move less than {@code seconds} ago. */
    public boolean movedWithin(Vm vm, double seconds) {
        return vm.id() < lastMovedAt.length && now - lastMovedAt[vm.id()] < seconds;
    }

    /** Re-reads one host into the snapshot (after a change to it). */
    public void refresh(Host h) {
        int i = h.id();
        committedCores[i] = h.committedShare() * h.spec().cores();
        cores[i] = h.spec().cores();
        freeMemory[i] = h.memoryFreeBytes();
        eligible[i] = !h.inMaintenance() && !h.isDraining();
        on[i] = h.isOn();
        scan.refresh(h);
        reindex(i);
    }

    /** An empty {@link LeastFirst} over the hosts: the same one at every call, so one caller at a time. */
    LeastFirst leastFirst() {
        if (leastFirst == null) leastFirst = new LeastFirst(datacenter.hosts());
        return leastFirst.clear();
    }

    /** The hosts as the policies' scans read them, as of the last {@link #refresh} of each. */
    HostScan scan() { return scan; }

    private void reindex(int i) {
        if (index != null) index.update(i, on[i], committedCores[i] + planCores[i]);
    }

    public double now() { return now; }

    public Datacenter datacenter() { return datacenter; }

    public PolicyConfig config() { return config; }

    /** Migrations the policy may still ask for in this tick. */
    public int budget() { return budget; }

    public double migrationRateBytesPerSecond(Vm vm) { return migrator.soloRateBytesPerSecond(vm); }

    /** The host's CPU share with what is committed to it, planned for it, and {@code vm} if given. */
    public double committedShareWith(Host h, Vm vm) {
        double extra = vm == null ? 0 : vm.demandCores();
        return (committedCores[h.id()] + planCores[h.id()] + extra) / cores[h.id()];
    }

    /** Whether {@code h} can take {@code vm} without going over the placement ceiling. */
    public boolean fits(Host h, Vm vm) {
        return fits(h.id(), vm.host() == null ? -1 : vm.host().id(), vm.memory().bytes(), vm.demandCores());
    }

    private boolean fits(int i, int source, long memory, double demand) {
        return i != source && eligible[i] && freeMemory[i] - planMemory[i] >= memory
                && (committedCores[i] + planCores[i] + demand) / cores[i] <= config.placementCeiling();
    }

    /** The placement's choice for {@code vm} among hosts that are on, else a switched-off host; null if none fits. */
    public Host choose(Vm vm) {
        return choose(vm, true);
    }

    /**
     * The placement's choice for {@code vm}, or null if no host fits. {@code wake}: whether a switched-off host may
     * be woken for it (not for consolidation, which would otherwise wake the hosts it just switched off).
     */
    public Host choose(Vm vm, boolean wake) {
        int source = vm.host() == null ? -1 : vm.host().id(); // none for a VM being placed at the start
        long memory = vm.memory().bytes();
        double demand = vm.demandCores();
        int best;
        if (index == null) {
            best = scan(vm, source, memory, demand);
        } else {
            if (index.isStale()) index.rebuild(on, committedCores, planCores);
            IntPredicate fit = i -> fits(i, source, memory, demand);
            best = placement == Placement.ByShare.BEST_FIT ? index.bestFit(demand, config.placementCeiling(), fit)
                    : index.leastLoaded(demand, config.placementCeiling(), fit);
        }
        int n = cores.length;
        if (best < 0 && wake) {
            for (int i = 0; i < n && best < 0; i++) if (!on[i] && fits(i, source, memory, demand)) best = i;
        }
        return best < 0 ? null : datacenter.hosts().get(best);
    }

    /** The placement's choice among the hosts that are on, by scoring each one; -1 if none fits. */
    int scan(Vm vm, int source, long memory, double demand) {
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        int n = cores.length;
        for (int i = 0; i < n; i++) {
            if (!on[i] || !fits(i, source, memory, demand)) continue;
            double now = (committedCores[i] + planCores[i]) / cores[i];
            double s = placement.score(this, vm, datacenter.hosts().get(i), now, now + demand / cores[i]);
            if (s < bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }

    /** The plain scan's choice for {@code vm} among the hosts that are on (what the index must agree with). */
    Host chooseByScan(Vm vm) {
        int best = scan(vm, vm.host() == null ? -1 : vm.host().id(), vm.memory().bytes(), vm.demandCores());
        return best < 0 ? null : datacenter.hosts().get(best);
    }

    /** The VMs of {@code host} not already moving, in the selection's order. */
    public List<Vm> candidates(Host host) {
        List<Vm> out = new ArrayList<>(host.vmCount());
        double coolDown = host.inMaintenance() ? 0 : selection.coolDownSeconds(config);
        for (Vm v : host.vms()) if (!v.isMigrating() && (coolDown <= 0 || !movedWithin(v, coolDown))) out.add(v);
        if (selection instanceof VmSelection.Keyed keyed) keyed.sort(this, host, out, candidateOrder);
        else out.sort(selection.order(this, host));
        return out;
    }

    /** Tentatively places {@code vm} on {@code h} for the rest of the plan. */
    public void plan(Vm vm, Host h) {
        planCores[h.id()] += vm.demandCores();
        planMemory[h.id()] += vm.memory().bytes();
        planned.add(h);
        reindex(h.id());
    }

    public void clearPlan() {
        for (Host h : planned) {
            planCores[h.id()] = 0;
            planMemory[h.id()] = 0;
            reindex(h.id());
        }
        planned.clear();
    }

    /** Asks for a migration; all but evacuations count against the tick's budget. */
    public void migrate(Vm vm, Host destination, String reason) {
        if (!reason.equals(EVACUATION)) budget--;
        if (lastMovedAt.length <= vm.id()) {
            int old = lastMovedAt.length;
            lastMovedAt = java.util.Arrays.copyOf(lastMovedAt, Math.max(vm.id() + 1, datacenter.vms().size()));
            java.util.Arrays.fill(lastMovedAt, old, lastMovedAt.length, Double.NEGATIVE_INFINITY);
        }
        lastMovedAt[vm.id()] = now;
        Host source = vm.host();
        migrator.migrate(vm, destination, reason);
        refresh(destination);
        refresh(source);
    }
}
