package io.miglab.datacenter.report;

import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The headline figures of a datacenter run, one line each: summary.csv (and the command's output) writes each
 * under its key at full precision, the HTML report under its label with units. Add a figure here and both have it.
 */
public final class SummaryFigures {
    /** One figure: its rows in raw form ({key, value}) and readable form ({label, value}). */
    public interface Figure {
        void raw(DatacenterReport r, List<String[]> out);

        void readable(DatacenterReport r, List<String[]> out);
    }

    public static final List<Figure> STANDARD = List.of(
            of("scenario", "scenario", DatacenterReport::scenario, DatacenterReport::scenario),
            of("seed", "seed", r -> "" + r.seed(), r -> Long.toString(r.seed())),
            of("duration_s", "simulated time", r -> n(r.durationSeconds()), r -> Quantity.seconds(r.durationSeconds())),
            of("hosts", "hosts", r -> "" + r.hosts(), r -> Num.count(r.hosts())),
            of("vms", "VMs", r -> "" + r.vms(), r -> Num.count(r.vms())),
            of("profile", "hypervisor profile", DatacenterReport::profile, DatacenterReport::profile),
            of("policy", "policy", DatacenterReport::policy, DatacenterReport::policy),
            of("energy_kwh", "energy", r -> n(r.energyKWh()), r -> Num.sig(r.energyKWh(), 4) + " kWh"),
            of("overload_host_seconds", "host time over the CPU threshold", r -> n(r.overloadHostSeconds()),
                    r -> Quantity.seconds(r.overloadHostSeconds())),
            of("overload_share", "overload share (of host time switched on)", r -> n(r.overloadShare()),
                    r -> Quantity.share(r.overloadShare())),
            of("slatah", "SLATAH (share of active time at 100 % CPU, per host)", r -> n(r.slaTimePerActiveHost()),
                    r -> Quantity.share(r.slaTimePerActiveHost())),
            of("pdm", "PDM (CPU lost to migrations, per VM)", r -> n(r.migrationDegradation()),
                    r -> Quantity.share(r.migrationDegradation())),
            of("slav", "SLAV (SLATAH x PDM)", r -> n(r.slaViolation()), r -> Num.sig(r.slaViolation(), 4)),
            of("esv", "ESV (energy x SLAV)", r -> n(r.energySlaViolation()), r -> Num.sig(r.energySlaViolation(), 4)),
            of("vm_downtime_total_s", "VM downtime, all migrations", r -> n(r.totalDowntimeSeconds()),
                    r -> Quantity.seconds(r.totalDowntimeSeconds())),
            of("vm_downtime_max_s", "VM downtime, longest", r -> n(r.maxVmDowntimeSeconds()),
                    r -> Quantity.seconds(r.maxVmDowntimeSeconds())),
            of("migrated_bytes", "data sent by migrations", r -> "" + r.migratedBytes(),
                    r -> Quantity.bytes(r.migratedBytes())),
            of("migration_cpu_core_s", "host CPU spent on migrations (sources and destinations)",
                    r -> n(r.migrationCpuSeconds()), r -> Num.sig(r.migrationCpuSeconds(), 4) + " core-s"),
            of("storage_bytes", "local disk data sent by migrations", r -> "" + r.storageBytes(),
                    r -> Quantity.bytes(r.storageBytes())),
            of("storage_time_total_s", "local disk copy time, all migrations", r -> n(r.storageSeconds()),
                    r -> Quantity.seconds(r.storageSeconds())),
            of("nas_bytes_in", "data written to the NAS by migrations", r -> "" + r.nasBytesIn(),
                    r -> Quantity.bytes(r.nasBytesIn())),
            of("nas_bytes_out", "data fetched from the NAS by migrations", r -> "" + r.nasBytesOut(),
                    r -> Quantity.bytes(r.nasBytesOut())),
            of("migrations", "migrations", r -> "" + r.migrations().size(), r -> Num.count(r.migrations().size())),
            byReason(),
            of("migrations_not_converged", "migrations not converged", r -> "" + r.migrationsNotConverged(),
                    r -> Num.count(r.migrationsNotConverged())),
            of("migrations_cancelled", "migrations cancelled", r -> "" + r.migrationsCancelled(),
                    r -> Num.count(r.migrationsCancelled())),
            of("migrations_failed", "migrations failed (injected failures)", r -> "" + r.migrationsFailed(),
                    r -> Num.count(r.migrationsFailed())),
            of("vms_lost", "VMs lost to failed migrations", r -> "" + r.vmsLost(), r -> Num.count(r.vmsLost())),
            of("migrations_never_started", "migrations never started", r -> "" + r.migrationsNeverStarted(),
                    r -> Num.count(r.migrationsNeverStarted())),
            of("events", "events simulated", r -> "" + r.eventsExecuted(), r -> Num.count(r.eventsExecuted())));

    private SummaryFigures() { }

    /** All figures' raw rows. */
    public static List<String[]> raw(DatacenterReport r) {
        List<String[]> out = new ArrayList<>();
        for (Figure f : STANDARD) f.raw(r, out);
        return out;
    }

    /** All figures' readable rows. */
    public static List<String[]> readable(DatacenterReport r) {
        List<String[]> out = new ArrayList<>();
        for (Figure f : STANDARD) f.readable(r, out);
        return out;
    }

    static Figure of(String key, String label, Function<DatacenterReport, String> raw,
                     Function<DatacenterReport, String> readable) {
        return new Figure() {
            @Override
            public void raw(DatacenterReport r, List<String[]> out) { out.add(new String[] {key, raw.apply(r)}); }

            @Override
            public void readable(DatacenterReport r, List<String[]> out) {
                out.add(new String[] {label, readable.apply(r)});
            }
        };
    }

    /** Migrations started per reason the policy gave, one row per reason. */
    static Figure byReason() {
        return new Figure() {
            @Override
            public void raw(DatacenterReport r, List<String[]> out) {
                r.migrationsByReason().forEach((k, v) -> out.add(new String[] {"migrations_" + k, "" + v}));
            }

            @Override
            public void readable(DatacenterReport r, List<String[]> out) {
                r.migrationsByReason().forEach((k, v) -> out.add(
                        new String[] {"migrations for " + k.replace('_', ' '), Num.count(v)}));
            }
        };
    }

    static String n(double v) { return CsvReporter.n(v); }
}
