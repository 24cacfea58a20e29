package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Maximum correlation (MC, Beloglazov and Buyya, CCPE 2012, section 6.3.4, after Verma et al.): the VM whose CPU
 * history is best explained by its neighbours' goes first, measured by the multiple correlation coefficient, the
 * R^2 of a least-squares regression of its history on the other VMs' histories on the host (with an intercept).
 * Where R^2 cannot be computed (too short a history for the number of VMs, a constant history, a singular fit), it
 * counts as lowest, and the VMs keep minimum migration time's order, the paper's fallback.
 */
public final class MaximumCorrelation implements VmSelection {
    @Override
    public boolean usesVmHistory() { return true; }

    @Override
    public Comparator<Vm> order(PolicyContext c, Host host) {
        Map<Vm, Double> r2 = squaredCorrelations(c, host.vms());
        return Comparator.comparingDouble((Vm v) -> -r2.getOrDefault(v, Double.NEGATIVE_INFINITY))
                .thenComparing(VmSelection.minimumMigrationTime().order(c, host));
    }

    static Map<Vm, Double> squaredCorrelations(PolicyContext c, List<Vm> vms) {
        List<double[]> h = new ArrayList<>();
        for (Vm v : vms) h.add(c.history(v));
        Map<Vm, Double> out = new HashMap<>();
        for (int j = 0; j < vms.size(); j++) {
            double r = rSquared(h, j);
            if (!Double.isNaN(r)) out.put(vms.get(j), r);
        }
        return out;
    }

    /** R^2 of series {@code j} regressed on the others; NaN if not computable. */
    public static double rSquared(List<double[]> series, int j) {
        int n = series.get(j).length, k = series.size() - 1;
        if (k < 1 || n <= k + 1) return Double.NaN;
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            int col = 0;
            for (int m = 0; m < series.size(); m++) if (m != j) x[i][col++] = series.get(m)[i];
        }
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(series.get(j), x);
            double r = ols.calculateRSquared();
            return Double.isFinite(r) ? r : Double.NaN;
        } catch (RuntimeException singular) { // SingularMatrixException and friends: no fit
            return Double.NaN;
        }
    }
}
