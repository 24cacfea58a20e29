package io.miglab.datacenter;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.policy.MaintenanceEvacuation;
import io.miglab.datacenter.policy.PolicyContext;
import io.miglab.datacenter.policy.PolicyRegistry;
import io.miglab.datacenter.policy.SchedulingPolicy;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.DatacenterSample;
import io.miglab.datacenter.report.HostSample;
import io.miglab.datacenter.report.HostSummary;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Maintenance;
import io.miglab.datacenter.scenario.NasConfig;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.migration.NasNode;
import io.miglab.core.storage.Raid5;
import io.miglab.datacenter.scenario.ScenarioSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a scenario: at every scheduling tick the VMs' CPU demand is sampled (and held until the next tick), the
 * datacenter is sampled for the report, and the policy (plus maintenance evacuation) asks for migrations, which
 * then run as rate-based migrations sharing the network. At the end of the duration no new tick comes; the
 * migrations still running finish (their energy is not counted past the duration).
 */
public final class DatacenterSimulation {
    private final Scenario scenario;
    private final Simulator sim;
    private final Datacenter dc;
    private final MigrationScheduler scheduler;
    private final PolicyContext context;
    private final SchedulingPolicy policy;
    private final SchedulingPolicy evacuation = new MaintenanceEvacuation();
    private final List<DatacenterSample> samples = new ArrayList<>();
    private final List<HostSample> hostSamples = new ArrayList<>();
    private final MigrationDegradation degradation;

    private DatacenterSimulation(Scenario scenario, PolicyRegistry registry, AlgorithmRegistry algorithms) {
        this.scenario = scenario;
        try {
            algorithms.entry(scenario.profile().algorithm());
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("profiles[" + scenario.profile().name() + "].algorithm",
                    "one of " + String.join(", ", algorithms.names()), scenario.profile().algorithm());
        }
        this.sim = new Simulator(scenario.seed());
        this.dc = DatacenterBuilder.build(scenario);
        Network network = new Network(sim);
        this.degradation = new MigrationDegradation(dc, scenario.durationSeconds());
        this.scheduler = new MigrationScheduler(sim, network, dc, scenario.profile(), scenario.policy(),
                scenario.network().migrationCoresPerGbps(), scenario.network().roundTrip(), algorithms, degradation,
                scenario.failures(), nasNode(scenario.nas()));
        this.policy = registry.policy(scenario.policy().name());
        this.context = new PolicyContext(dc, scenario.policy(), registry.placement(scenario.policy().placement()),
                registry.selection(scenario.policy().vmSelection()), scheduler, scenario.seed());
        PolicyContext initial = new PolicyContext(dc, scenario.policy(), scenario.initialPlacement().equals("spread")
                ? registry.placement("first-fit") : registry.placement(scenario.initialPlacement()),
                registry.selection(scenario.policy().vmSelection()), scheduler, scenario.seed());
        initial.begin(0);
        DatacenterBuilder.populate(dc, scenario, sim.random(), initial);
    }

    /** Runs {@code scenario} with the standard policies. */
    public static DatacenterReport run(Scenario scenario, ProgressListener progress) {
        return run(scenario, PolicyRegistry.standard(), AlgorithmRegistry.standard(), progress);
    }

    /** Runs {@code scenario} with the given policies and migration algorithms (the profile names one of them). */
    public static DatacenterReport run(Scenario scenario, PolicyRegistry registry, AlgorithmRegistry algorithms,
                                       ProgressListener progress) {
        return prepare(scenario, registry, algorithms).execute(progress);
    }

    /**
     * Builds the datacenter and places the VMs, ready to {@link #execute}; refuses (InvalidSpecException) a scenario
     * too big for the heap ({@link ScenarioSize}) or whose VMs cannot be placed, before anything has run.
     */
    public static DatacenterSimulation prepare(Scenario scenario, PolicyRegistry registry,
                                               AlgorithmRegistry algorithms) {
        ScenarioSize.of(scenario).requireFits(ScenarioSize.availableHeap());
        return new DatacenterSimulation(scenario, registry, algorithms);
    }

    /** The hosts and VMs, for tests that check the state between ticks. */
    Datacenter datacenter() { return dc; }

    /** Runs the prepared scenario to its end. */
    public DatacenterReport execute(ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        double end = scenario.durationSeconds();
        for (Maintenance m : scenario.maintenance()) {
            if (m.atSeconds() <= end) sim.at(m.atSeconds(), s -> takeDown(m));
        }
        long ticks = (long) Math.ceil(end / scenario.intervalSeconds());
        if (ticks > 0) dc.prepareDemand(0);
        for (long i = 0; i < ticks; i++) {
            double at = i * scenario.intervalSeconds();
            boolean last = i + 1 == ticks;
            double next = (i + 1) * scenario.intervalSeconds(); // the next tick's time, as its own event has it
            sim.at(at, s -> {
                tick();
                if (!last) dc.prepareDemand(next); // its CPU sampling's costly part, while the events up to it run
                progress.progress(at, end, sim.eventsExecuted(), scheduler.started());
            });
        }
        sim.runUntil(end);
        dc.accountAll(end);
        degradation.advance(end);
        List<HostSummary> summaries = summaries();
        sim.run();
        progress.progress(end, end, sim.eventsExecuted(), scheduler.started());
        return report(summaries);
    }

    private void tick() {
        double now = sim.now();
        degradation.advance(now);
        context.beginTick(now);
        Sample s = new Sample(now, dc.hosts().size() <= scenario.hostSeriesLimit());
        dc.updateDemand(now, h -> { // one walk over the hosts: the sample, the policy's snapshot and history
            s.add(h);
            context.observe(h);
        });
        samples.add(new DatacenterSample(now, s.on, s.on == 0 ? 0 : s.util / s.on, s.watts, s.overloaded,
                scheduler.active(), scheduler.queued()));
        context.sampleVms();
        evacuation.schedule(context);
        policy.schedule(context);
    }

    private void takeDown(Maintenance m) {
        for (Host h : dc.hosts()) {
            if (m.hosts().contains(h.name()) || m.racks().contains("r" + h.rack())) dc.setMaintenance(h, true);
        }
        context.begin(sim.now());
        evacuation.schedule(context);
    }

    /** The datacenter's sample at one tick, summed over the hosts as they are shown to it. */
    private final class Sample {
        final double now;
        final boolean perHost;
        int on, overloaded;
        double util, watts;

        Sample(double now, boolean perHost) {
            this.now = now;
            this.perHost = perHost;
        }

        void add(Host h) {
            if (h.isOn()) {
                on++;
                util += h.utilisation();
                if (h.demandShare() > scenario.policy().overThreshold()) overloaded++;
            }
            watts += h.watts();
            if (perHost) hostSamples.add(new HostSample(now, h.name(), h.utilisation(), h.watts(), h.vms().size()));
        }
    }

    private List<HostSummary> summaries() {
        List<HostSummary> out = new ArrayList<>();
        for (Host h : dc.hosts()) {
            out.add(new HostSummary(h.name(), h.rack(), h.energyJoules() / 3.6e6, h.overloadSeconds(), h.vms().size(),
                    h.isOn(), h.migrationCoreSeconds()));
        }
        return out;
    }

    private DatacenterReport report(List<HostSummary> summaries) {
        double energy = 0, overload = 0;
        for (HostSummary h : summaries) {
            energy += h.energyKWh();
            overload += h.overloadSeconds();
        }
        double onSeconds = 0;
        for (int i = 0; i < samples.size(); i++) {
            double next = i + 1 < samples.size() ? samples.get(i + 1).timeSeconds() : scenario.durationSeconds();
            onSeconds += samples.get(i).hostsOn() * (next - samples.get(i).timeSeconds());
        }
        double slatah = 0;
        int active = 0;
        for (Host h : dc.hosts()) {
            if (h.activeSeconds() <= 0) continue;
            slatah += h.fullSeconds() / h.activeSeconds();
            active++;
        }
        double downtime = 0, maxDowntime = 0;
        for (Vm vm : dc.vms()) {
            downtime += vm.downtimeSeconds();
            maxDowntime = Math.max(maxDowntime, vm.downtimeSeconds());
        }
        Map<String, Long> byReason = new TreeMap<>();
        long notConverged = 0, cancelled = 0;
        for (MigrationRecord r : scheduler.records()) {
            byReason.merge(r.reason(), 1L, Long::sum);
            if (!r.result().outcome().converged()) notConverged++;
            if (!r.result().outcome().completed() && r.result().fate().failure().isEmpty()) cancelled++;
        }
        return new DatacenterReport(scenario.name(), scenario.seed(), scenario.durationSeconds(), dc.hosts().size(),
                dc.vms().size(), scenario.profile().name(), scenario.policy().name(), energy, overload,
                onSeconds > 0 ? overload / onSeconds : 0, downtime, maxDowntime, byReason, notConverged, cancelled,
                scheduler.queued(), sim.eventsExecuted(), scheduler.records(), samples, hostSamples, summaries,
                active == 0 ? 0 : slatah / active, degradation.pdm());
    }

    /** The scenario's NAS as a node of the network, when migrations are NAS-assisted; null otherwise. */
    private static NasNode nasNode(NasConfig c) {
        if (c == null || !c.assist()) return null;
        return NasNode.of(c.name(), c.link().bytesPerSecond(), c.link().bytesPerSecond(),
                new Raid5(c.disks(), Raid5.DEFAULT_STRIPE_UNIT, c.diskThroughput()), c.raid5());
    }
}
