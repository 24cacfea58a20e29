package io.miglab.datacenter.report;

import io.miglab.core.result.VmLocation;
import java.util.List;
import java.util.Map;

/**
 * Everything a datacenter run produced. A pure function of the scenario (same seed, same report: no wall-clock
 * figures in here).
 *
 * @param overloadHostSeconds  host-seconds with CPU demand over the over-utilisation threshold (SLA violation time)
 * @param overloadShare        that over the host-seconds hosts were on (Beloglazov's SLATAH)
 * @param totalDowntimeSeconds downtime all VMs saw in their migrations
 * @param migrationsByReason   migrations started, by the reason the policy gave
 * @param slaTimePerActiveHost SLATAH (Beloglazov and Buyya, CCPE 2012, section 7.2): per host the share of its
 *                             time switched on with its CPU fully used, averaged over the hosts ever on
 * @param migrationDegradation PDM (ibid.): per VM the CPU lost to its migrations (10 % of its demand while it
 *                             migrates) over the CPU it asked for, averaged over the VMs that asked for any
 */
public record DatacenterReport(String scenario, long seed, double durationSeconds, int hosts, int vms,
                               String profile, String policy, double energyKWh, double overloadHostSeconds,
                               double overloadShare, double totalDowntimeSeconds, double maxVmDowntimeSeconds,
                               Map<String, Long> migrationsByReason, long migrationsNotConverged,
                               long migrationsCancelled, long migrationsNeverStarted, long eventsExecuted,
                               List<MigrationRecord> migrations, List<DatacenterSample> samples,
                               List<HostSample> hostSamples, List<HostSummary> hostSummaries,
                               double slaTimePerActiveHost, double migrationDegradation) {
    public DatacenterReport {
        migrationsByReason = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(migrationsByReason));
        migrations = List.copyOf(migrations);
        samples = List.copyOf(samples);
        hostSamples = List.copyOf(hostSamples);
        hostSummaries = List.copyOf(hostSummaries);
    }

    /** SLA violation, SLAV = SLATAH x PDM (ibid.). */
    public double slaViolation() { return slaTimePerActiveHost * migrationDegradation; }

    /** Energy and SLA violation together, ESV = energy (kWh) x SLAV (ibid.). */
    public double energySlaViolation() { return energyKWh * slaViolation(); }

    /** Migrations an injected failure ended before the guest ran on the destination (or lost it). */
    public long migrationsFailed() {
        return migrations.stream().filter(m -> !m.result().fate().failure().isEmpty()
                && m.result().fate().vmRunsOn() != VmLocation.DESTINATION).count();
    }

    /** VMs lost to failed migrations: the run's VMs at the end plus these are its VMs at the start. */
    public long vmsLost() {
        return migrations.stream().filter(m -> m.result().fate().vmRunsOn() == VmLocation.LOST).count();
    }

    /** Host CPU all migrations cost, sources and destinations, in core-seconds. */
    public double migrationCpuSeconds() {
        double s = 0;
        for (HostSummary h : hostSummaries) s += h.migrationCpuSeconds();
        return s;
    }

    /** Bytes all migrations sent. */
    public long migratedBytes() {
        long b = 0;
        for (MigrationRecord m : migrations) b += m.result().traffic().bytesTransferred();
        return b;
    }

    /** Bytes of local disks all migrations sent (0 with shared storage). */
    public long storageBytes() {
        long b = 0;
        for (MigrationRecord m : migrations) b += m.result().traffic().storageBytes();
        return b;
    }

    /** Bytes the sources wrote to the NAS, all migrations (its copies and the relayed rounds). */
    public long nasBytesIn() {
        long b = 0;
        for (MigrationRecord m : migrations) b += m.result().traffic().sourceToNasBytes();
        return b;
    }

    /** Bytes the destinations fetched from the NAS, all migrations (the relayed rounds). */
    public long nasBytesOut() {
        long b = 0;
        for (MigrationRecord m : migrations) b += m.result().traffic().nasToDestinationBytes();
        return b;
    }

    /** Seconds all migrations spent copying local disks, summed over migrations. */
    public double storageSeconds() {
        double s = 0;
        for (MigrationRecord m : migrations) s += m.result().timing().storageTimeMs() / 1000;
        return s;
    }
}
