package io.miglab.datacenter.policy;

import io.miglab.core.result.MigrationResult;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * miglab's migration-aware choices, on the prediction of the datacenter's own rate-based migration
 * ({@link PolicyContext#predict}: the profile's algorithm and termination policy, the VM's memory and writer).
 *
 * <p>Selection: each VM scores {@code relief / cost}. Relief is the share of the host's overload its CPU demand
 * takes away, {@code min(d, E) / E} with E the cores over {@code overThreshold} once the VMs already leaving are
 * gone (if the host is not over it, as for a host being emptied, {@code d / sum of d}). Cost adds the predicted
 * migration time, downtime and bytes, each over its mean among the host's candidates, so the three weigh alike
 * and an average VM costs 3; a move predicted to be cancelled costs infinitely. Highest score first; ties by a
 * per-tick draw, not by id. VMs asked to move within {@code policy.coolDown} are not picked again.
 *
 * <p>Placement: the host the move is predicted to reach soonest, its NIC shared with the migrations it already
 * takes part in; equal predictions (to the millisecond) go to the fuller host (best fit, fewer hosts on).
 */
public final class MigrationAware {
    private MigrationAware() { }

    public static VmSelection selection() {
        return new VmSelection() {
            @Override
            public Comparator<Vm> order(PolicyContext c, Host host) {
                Map<Vm, Double> score = scores(c, host, host.vms());
                return Comparator.comparingDouble((Vm v) -> -score.getOrDefault(v, 0.0)).thenComparingLong(c::draw);
            }

            @Override
            public double coolDownSeconds(PolicyConfig config) { return config.coolDownSeconds(); }
        };
    }

    public static Placement placement() {
        return (c, vm, h, now, after) -> {
            if (vm.host() == null) return -after; // initial placement: nothing moves yet
            double nic = Math.min(c.migrationRateBytesPerSecond(vm), h.spec().nic().bytesPerSecond());
            double seconds = seconds(c.predict(vm, nic / (1 + Math.max(h.migrations(), vm.host().migrations()))));
            return Math.rint(seconds * 1000) / 1000 + (1 - Math.min(1, after)) * 1e-4;
        };
    }

    /** relief / cost of each VM of {@code vms} not already moving. */
    static Map<Vm, Double> scores(PolicyContext c, Host host, List<Vm> vms) {
        double excess = c.datacenter().stayingCores(host) - c.config().overThreshold() * host.spec().cores();
        int n = 0;
        double demand = 0, time = 0, down = 0, bytes = 0;
        Map<Vm, MigrationResult> predicted = new HashMap<>();
        for (Vm v : vms) {
            if (v.isMigrating()) continue;
            MigrationResult r = c.predict(v, c.migrationRateBytesPerSecond(v));
            predicted.put(v, r);
            n++;
            demand += v.demandCores();
            time += seconds(r);
            down += r.timing().downtimeMs() / 1000;
            bytes += r.traffic().bytesTransferred();
        }
        Map<Vm, Double> out = new HashMap<>();
        for (Map.Entry<Vm, MigrationResult> e : predicted.entrySet()) {
            Vm v = e.getKey();
            MigrationResult r = e.getValue();
            double relief = excess > 0 ? Math.min(v.demandCores(), excess) / excess
                    : demand > 0 ? v.demandCores() / demand : 0;
            double cost = !r.outcome().completed() ? Double.POSITIVE_INFINITY
                    : part(seconds(r), time / n) + part(r.timing().downtimeMs() / 1000, down / n)
                    + part(r.traffic().bytesTransferred(), bytes / n);
            out.put(v, cost == 0 ? relief : relief / cost);
        }
        return out;
    }

    private static double part(double value, double mean) { return mean > 0 ? value / mean : 0; }

    private static double seconds(MigrationResult r) { return r.timing().totalTimeMs() / 1000; }
}
