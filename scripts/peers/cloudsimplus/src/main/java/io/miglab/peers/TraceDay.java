package io.miglab.peers;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cloudsimplus.allocationpolicies.migration.VmAllocationPolicyMigrationBestFitStaticThreshold;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.power.models.PowerModelHostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.schedulers.vm.VmSchedulerTimeShared;
import org.cloudsimplus.selectionpolicies.VmSelectionPolicyMinimumUtilization;
import org.cloudsimplus.util.Log;
import org.cloudsimplus.utilizationmodels.UtilizationModelAbstract;
import org.cloudsimplus.utilizationmodels.UtilizationModelDynamic;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * The day of miglab's examples/datacenter/trace-day/trace-day.yaml on CloudSim Plus 8.5.7, for
 * scripts/bench-vs-cloudsimplus.sh: the same hosts (8 cores, 32 GiB, 10 Gbit/s, 150-300 W), the same VMs (2 vCPUs,
 * 4 GiB, CPU demand from the same CSV trace, VM i following the trace's VM i), spread over the hosts at the start,
 * a static over-utilisation threshold (0.6) checked every 300 s with migrations to the best-fitting host, for 24 h.
 * Usage: {@code TraceDay TRACE.csv [hosts=2000] [vms=8000] [threshold=0.6]}. Prints one line per figure.
 */
public final class TraceDay {
    private static final int HOST_PES = 8;
    private static final int VM_PES = 2;
    private static final double MIPS = 1000;
    private static final double DAY_S = 86_400;

    public static void main(String[] args) throws Exception {
        Log.setLevel(Level.OFF);
        Path file = Path.of(args[0]);
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int vms = args.length > 2 ? Integer.parseInt(args[2]) : 8000;
        double threshold = args.length > 3 ? Double.parseDouble(args[3]) : 0.6;
        long t0 = System.nanoTime();
        List<double[][]> trace = read(file);
        long t1 = System.nanoTime();

        CloudSimPlus sim = new CloudSimPlus();
        List<Host> hostList = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            List<Pe> pes = new ArrayList<>();
            for (int p = 0; p < HOST_PES; p++) pes.add(new PeSimple(MIPS));
            Host host = new HostSimple(32 * 1024, 10_000, 1_000_000, pes);
            host.setVmScheduler(new VmSchedulerTimeShared()).setPowerModel(new PowerModelHostSimple(300, 150));
            hostList.add(host);
        }
        var policy = new SpreadFirst(hostList, threshold);
        var dc = new DatacenterSimple(sim, hostList, policy);
        dc.setSchedulingInterval(300);
        var broker = new DatacenterBrokerSimple(sim);
        AtomicLong started = new AtomicLong(), finished = new AtomicLong();
        List<Vm> vmList = new ArrayList<>();
        List<Cloudlet> cloudlets = new ArrayList<>();
        for (int v = 0; v < vms; v++) {
            Vm vm = new VmSimple(v, MIPS, VM_PES).setRam(4 * 1024).setBw(1000).setSize(10_000)
                    .setCloudletScheduler(new CloudletSchedulerTimeShared());
            vm.addOnMigrationStartListener(e -> started.incrementAndGet());
            vm.addOnMigrationFinishListener(e -> finished.incrementAndGet());
            vmList.add(vm);
            Cloudlet c = new CloudletSimple(v, -1, VM_PES).setUtilizationModelCpu(new Replay(trace.get(v % trace.size())))
                    .setUtilizationModelRam(new UtilizationModelDynamic(0.5))
                    .setUtilizationModelBw(new UtilizationModelDynamic(0.1));
            c.setVm(vm);
            cloudlets.add(c);
        }
        broker.submitVmList(vmList);
        broker.submitCloudletList(cloudlets);
        sim.terminateAt(DAY_S);
        sim.start();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "cloudsimplus hosts %d vms %d%n", hosts, vms);
        System.out.printf(Locale.ROOT, "cloudsimplus read_s %.2f%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "cloudsimplus simulate_s %.2f%n", (t2 - t1) / 1e9);
        System.out.printf(Locale.ROOT, "cloudsimplus wall_s %.2f%n", (t2 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "cloudsimplus cpu_s %.2f%n", ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        System.out.printf(Locale.ROOT, "cloudsimplus migrations_started %d%n", started.get());
        System.out.printf(Locale.ROOT, "cloudsimplus migrations_finished %d%n", finished.get());
    }

    /** Per VM of the trace, in order of first appearance: its times and shares. */
    private static List<double[][]> read(Path file) throws Exception {
        Map<String, Integer> index = new HashMap<>();
        List<List<double[]>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                int vm = index.computeIfAbsent(f[1].trim(), k -> {
                    rows.add(new ArrayList<>());
                    return rows.size() - 1;
                });
                rows.get(vm).add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[2])});
            }
        }
        List<double[][]> out = new ArrayList<>();
        for (List<double[]> vm : rows) {
            double[][] a = new double[2][vm.size()];
            for (int i = 0; i < vm.size(); i++) {
                a[0][i] = vm.get(i)[0];
                a[1][i] = vm.get(i)[1];
            }
            out.add(a);
        }
        return out;
    }

    /** A VM's CPU share at time t: the trace's step function (its last value at or before t). */
    private static final class Replay extends UtilizationModelAbstract {
        private final double[] times;
        private final double[] shares;

        Replay(double[][] steps) {
            this.times = steps[0];
            this.shares = steps[1];
        }

        @Override
        protected double getUtilizationInternal(double time) {
            int i = java.util.Arrays.binarySearch(times, time);
            if (i < 0) i = -i - 2;
            return shares[Math.max(0, i)];
        }
    }

    /**
     * Best fit under the static threshold for migrations (CloudSim Plus's own), but the VMs are first placed
     * round-robin over the hosts, as miglab's {@code initialPlacement: spread} does.
     */
    private static final class SpreadFirst extends VmAllocationPolicyMigrationBestFitStaticThreshold {
        private final List<Host> hosts;
        private int next;

        SpreadFirst(List<Host> hosts, double overThreshold) {
            super(new VmSelectionPolicyMinimumUtilization(), overThreshold);
            setUnderUtilizationThreshold(1e-6); // no consolidation: overload relief only, as in miglab's load-balancing
            this.hosts = hosts;
        }

        @Override
        protected Optional<Host> defaultFindHostForVm(Vm vm) {
            if (vm.getHost() != Host.NULL && vm.isCreated()) return super.defaultFindHostForVm(vm);
            for (int k = 0; k < hosts.size(); k++) {
                Host h = hosts.get((next + k) % hosts.size());
                if (h.isSuitableForVm(vm)) {
                    next = (next + k + 1) % hosts.size();
                    return Optional.of(h);
                }
            }
            return Optional.empty();
        }
    }
}
