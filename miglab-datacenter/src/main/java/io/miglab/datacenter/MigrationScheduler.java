package io.miglab.datacenter;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.VmLocation;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.migration.MigrationListener;
import io.miglab.datacenter.migration.MigrationPredictor;
import io.miglab.datacenter.migration.NasNode;
import io.miglab.datacenter.migration.RateMigration;
import io.miglab.datacenter.migration.ThrottleRules;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.datacenter.policy.PolicyContext;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.MigrationCpuCost;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.FailureInjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes the policies' migration requests, holds them in a FIFO queue while a limit is reached (migrations per
 * host, as source or destination, and in all) and runs each as a {@link RateMigration} over the links between its
 * two hosts. Room on the destination is reserved when a migration is asked for. While a migration sends, its hosts'
 * CPU is charged: with a profile whose migration CPU cost was measured
 * ({@link HypervisorProfile#migrationCpu}), that cost per byte of the stream's rate, split between the source and
 * the destination by the profile's destination share; otherwise the source alone, {@code migrationCoresPerGbps}
 * per Gbit/s it sends.
 * With a NAS ({@code nas} not null) every migration is NAS-assisted and they all share its links and disks.
 */
final class MigrationScheduler implements PolicyContext.Migrator {
    private record Request(Vm vm, Host source, Host destination, String reason, double requestedAt,
                           double reservedCores) { }

    private static final double GIB = 1024.0 * 1024 * 1024;
    private final Simulator sim;
    private final Network network;
    private final Datacenter dc;
    private final HypervisorProfile profile;
    private final PolicyConfig limits;
    private final double coresPerBytePerSecond;
    private final Duration roundTrip;
    private final AlgorithmRegistry algorithms;
    private final MigrationPredictor predictor;
    private final MigrationDegradation degradation;
    private final RequestQueue<Request> queue;
    private final double[] outgoingRate;
    private final double[] incomingRate;
    private final List<MigrationRecord> records = new ArrayList<>();
    private final FailureInjection failures;
    private final NasNode nas;
    private final Set<String> migratedVms = new HashSet<>();
    private int active;
    private long started;
    private long lost;

    MigrationScheduler(Simulator sim, Network network, Datacenter dc, HypervisorProfile profile, PolicyConfig limits,
                       double migrationCoresPerGbps, Duration roundTrip, AlgorithmRegistry algorithms,
                       MigrationDegradation degradation, FailureInjection failures, NasNode nas) {
        this.nas = nas;
        this.degradation = degradation;
        this.failures = failures;
        this.algorithms = algorithms;
        this.predictor = new MigrationPredictor(profile, roundTrip, algorithms);
        this.sim = sim;
        this.network = network;
        this.dc = dc;
        this.profile = profile;
        this.limits = limits;
        this.coresPerBytePerSecond = migrationCoresPerGbps * 8 / 1e9;
        this.roundTrip = roundTrip;
        this.outgoingRate = new double[dc.hosts().size()];
        this.incomingRate = new double[dc.hosts().size()];
        this.queue = new RequestQueue<>(dc.hosts().size(), limits.maxConcurrentPerHost());
    }

    /** Cores {@code host} spends on the migration streams it sends and receives now. */
    private double migrationCores(int host) {
        if (!profile.hasMigrationCpuCost()) return outgoingRate[host] * coresPerBytePerSecond;
        MigrationCpuCost cpu = profile.migrationCpu();
        return (outgoingRate[host] * cpu.sourceCpuSecondsPerGiB()
                + incomingRate[host] * cpu.destinationCpuSecondsPerGiB()) / GIB;
    }

    @Override
    public void migrate(Vm vm, Host destination, String reason) {
        if (vm.isMigrating()) throw new IllegalStateException(vm + " is already migrating");
        double reserved = vm.demandCores();
        dc.beginMigration(vm, destination, sim.now());
        queue.add(new Request(vm, vm.host(), destination, reason, sim.now(), reserved), vm.host().id(),
                destination.id());
        pump();
    }

    @Override
    public double soloRateBytesPerSecond(Vm vm) {
        double nic = vm.host().spec().nic().bytesPerSecond();
        return profile.bandwidthCap().map(c -> Math.min(nic, c.bytesPerSecond())).orElse(nic);
    }

    @Override
    public MigrationResult predict(Vm vm, double bytesPerSecond) {
        return predictor.predict(vm.memory(), vm.writes(), bytesPerSecond);
    }

    int active() { return active; }

    int queued() { return queue.size(); }

    long started() { return started; }

    List<MigrationRecord> records() { return records; }

    /** VMs lost to failed migrations. */
    long lost() { return lost; }

    /** Starts every queued migration the limits allow, oldest first. */
    private void pump() {
        while (active < limits.maxConcurrent()) {
            Request r = queue.pollReady();
            if (r == null) return;
            start(r);
        }
    }

    private void start(Request r) {
        active++;
        started++;
        queue.started(r.source.id(), r.destination.id());
        double startedAt = sim.now();
        degradation.started(r.vm, startedAt);
        MigrationSpec spec = profile.specFor(r.vm.memory(), r.vm.writes(), r.source.spec().nic(), roundTrip,
                sim.random().derive("migration", started)).withStorage(r.vm.storage());
        if (!failures.isEmpty()) {
            boolean first = migratedVms.add(r.vm.name());
            spec = spec.withProtocol(spec.protocol().withFailure(failures.pick(started, r.vm.name(), first,
                    sim.random().stream("failure", started))));
        }
        RateMigration m = new RateMigration(sim, network, dc.topology().path(r.source.id(), r.destination.id()), nas,
                spec, algorithms.create(spec.algorithm()), ThrottleRules.forSpec(spec, profile.sdps()),
                new MigrationListener() {
                    @Override
                    public void rateChanged(RateMigration mig, double oldRate, double newRate) {
                        int s = r.source.id(), d = r.destination.id();
                        outgoingRate[s] = Math.max(0, outgoingRate[s] + newRate - oldRate);
                        incomingRate[d] = Math.max(0, incomingRate[d] + newRate - oldRate);
                        dc.setMigrationCores(r.source, migrationCores(s), sim.now());
                        dc.setMigrationCores(r.destination, migrationCores(d), sim.now());
                    }

                    @Override
                    public void resumed(RateMigration mig) {
                        dc.moveVm(r.vm, r.destination, r.reservedCores, sim.now());
                    }

                    @Override
                    public void finished(RateMigration mig, MigrationResult result) {
                        degradation.finished(r.vm, sim.now());
                        if (result.fate().vmRunsOn() == VmLocation.LOST) {
                            lost++;
                            dc.loseVm(r.vm, r.source, r.destination, r.reservedCores, sim.now());
                        } else {
                            dc.endMigration(r.vm, r.source, r.destination, result.outcome().completed(),
                                    r.reservedCores, result.timing().downtimeMs() / 1000, sim.now());
                        }
                        records.add(new MigrationRecord(r.vm.name(), r.source.name(), r.destination.name(), r.reason,
                                r.requestedAt, startedAt, result));
                        active--;
                        queue.ended(r.source.id(), r.destination.id());
                        pump();
                    }
                }, "datacenter");
        m.start();
    }
}
