package io.miglab.datacenter;

import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Vm;
import java.util.List;

/**
 * Beloglazov and Buyya's performance degradation due to migrations (PDM, CCPE 2012, section 7.2): per VM, the CPU
 * it loses to its migrations, estimated as {@link #DEGRADATION} of the CPU it asks for while it migrates, over the
 * CPU it asks for in the whole run; averaged over the VMs that asked for any. Demand is held between ticks, so the
 * integrals are exact sums: {@link #advance} at each tick before the demand changes, {@link #started} and
 * {@link #finished} at each migration's ends (clipped at the run's end).
 */
final class MigrationDegradation {
    /** Share of a migrating VM's CPU taken to be lost (the paper's 10 %, after Voorsluys et al., CloudCom 2009). */
    static final double DEGRADATION = 0.1;
    private final Datacenter dc;
    private final List<Vm> vms;
    private final double end;
    private double[] requested = new double[0];
    private double[] startMark = new double[0];
    private double[] migrating = new double[0];
    private double last;

    MigrationDegradation(Datacenter dc, double endSeconds) {
        this.dc = dc;
        this.vms = dc.vms();
        this.end = endSeconds;
    }

    /** Adds every VM's demand since the last tick (call before the demand changes at {@code now}). */
    void advance(double now) {
        double[] demand = dc.demandByVmId(); // a lost VM's demand is 0 there: its sum stays as it was
        if (demand.length > requested.length) grow(demand.length - 1);
        double t = Math.min(now, end);
        double dt = t - last;
        for (int i = 0; i < demand.length; i++) requested[i] += demand[i] * dt;
        last = t;
    }

    void started(Vm v, double now) {
        if (v.id() >= requested.length) grow(v.id());
        startMark[v.id()] = requestedUntil(v, now);
    }

    void finished(Vm v, double now) {
        migrating[v.id()] += requestedUntil(v, now) - startMark[v.id()];
    }

    /** The PDM of the run so far (call after the last {@link #advance}). */
    double pdm() {
        double sum = 0;
        int n = 0;
        for (Vm v : vms) {
            if (requested[v.id()] <= 0) continue;
            sum += DEGRADATION * migrating[v.id()] / requested[v.id()];
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private double requestedUntil(Vm v, double t) {
        return requested[v.id()] + v.demandCores() * Math.max(0, Math.min(t, end) - last);
    }

    /** Room for VM ids up to {@code id} (ids stay as they were when VMs are lost; only a new id grows this). */
    private void grow(int id) {
        int n = Math.max(id + 1, vms.size());
        requested = java.util.Arrays.copyOf(requested, n);
        startMark = java.util.Arrays.copyOf(startMark, n);
        migrating = java.util.Arrays.copyOf(migrating, n);
    }
}
