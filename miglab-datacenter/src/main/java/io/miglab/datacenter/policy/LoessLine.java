package io.miglab.datacenter.policy;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The local regression of Beloglazov and Buyya's LR and LRR detectors (CCPE 2012, section 6.2.3-6.2.4, after
 * Cleveland, JASA 74:829-836, 1979): a straight line through the points (i, y_i), i = 1..k, fitted by weighted
 * least squares with the tricube weights of the distance to the newest point, {@code w_i = (1 - ((k - i) / (k -
 * 1))^3)^3}; the robust form refits {@link #ROBUST_ITERATIONS} times with each weight multiplied by the bisquare of
 * its residual, {@code B(e / 6m) = (1 - (e / 6m)^2)^2} (0 beyond 6m), m the median absolute residual.
 */
public final class LoessLine {
    /** Robustness iterations (Cleveland's recommended two). */
    public static final int ROBUST_ITERATIONS = 2;

    private LoessLine() { }

    /** The fitted line's value at x = k + 1, the next sample. */
    public static double predictNext(double[] y, boolean robust) {
        int k = y.length;
        double[] tricube = new double[k];
        for (int i = 1; i <= k; i++) {
            double u = k == 1 ? 0 : (double) (k - i) / (k - 1);
            tricube[i - 1] = Math.pow(1 - u * u * u, 3);
        }
        double[] line = fit(y, tricube);
        for (int it = 0; robust && it < ROBUST_ITERATIONS; it++) {
            double[] residual = new double[k];
            for (int i = 0; i < k; i++) residual[i] = Math.abs(y[i] - (line[0] + line[1] * (i + 1)));
            double m = new Median().evaluate(residual);
            if (m == 0) break; // the line goes through most points: nothing to down-weight
            double[] w = Arrays.copyOf(tricube, k);
            for (int i = 0; i < k; i++) {
                double u = residual[i] / (6 * m);
                w[i] *= u < 1 ? Math.pow(1 - u * u, 2) : 0;
            }
            line = fit(y, w);
        }
        return line[0] + line[1] * (k + 1);
    }

    /** Weighted least squares of y_i = a + b i: {a, b}. */
    static double[] fit(double[] y, double[] w) {
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            sx += w[i] * (i + 1);
            sy += w[i] * y[i];
        }
        double mx = sx / sw, my = sy / sw, sxy = 0, sxx = 0;
        for (int i = 0; i < y.length; i++) {
            double dx = i + 1 - mx;
            sxy += w[i] * dx * (y[i] - my);
            sxx += w[i] * dx * dx;
        }
        double b = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - b * mx, b};
    }
}
