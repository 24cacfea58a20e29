package io.miglab.datacenter.report;

import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline figures of a run as a person reads them: "overload share 0.24 %", "energy 12.12 kWh"
 * (summary.csv keeps the raw keys and full precision for programs).
 */
final class SummaryRows {
    private SummaryRows() { }

    static List<String[]> of(DatacenterReport r) {
        List<String[]> s = new ArrayList<>();
        s.add(row("simulated time", Quantity.seconds(r.durationSeconds())));
        s.add(row("hosts", Num.count(r.hosts())));
        s.add(row("VMs", Num.count(r.vms())));
        s.add(row("hypervisor profile", r.profile()));
        s.add(row("policy", r.policy()));
        s.add(row("seed", Long.toString(r.seed())));
        s.add(row("energy", Num.sig(r.energyKWh(), 4) + " kWh"));
        s.add(row("host time over the CPU threshold", Quantity.seconds(r.overloadHostSeconds())));
        s.add(row("overload share (of host time switched on)", Quantity.share(r.overloadShare())));
        s.add(row("VM downtime, all migrations", Quantity.seconds(r.totalDowntimeSeconds())));
        s.add(row("VM downtime, longest", Quantity.seconds(r.maxVmDowntimeSeconds())));
        s.add(row("migrations", Num.count(r.migrations().size())));
        r.migrationsByReason().forEach((k, v) -> s.add(row("migrations for " + k.replace('_', ' '), Num.count(v))));
        s.add(row("migrations not converged", Num.count(r.migrationsNotConverged())));
        s.add(row("migrations cancelled", Num.count(r.migrationsCancelled())));
        s.add(row("migrations never started", Num.count(r.migrationsNeverStarted())));
        s.add(row("events simulated", Num.count(r.eventsExecuted())));
        return s;
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }
}
