package io.miglab.datacenter.policy;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Host overload detection of Beloglazov and Buyya (Concurrency Computat.: Pract. Exper. 24:1397-1420, 2012,
 * section 6.2). A detector looks at a host's CPU utilisation history (oldest first, the last value is the
 * utilisation sampled at this tick) and at the share the host will carry once the VMs already leaving it are gone.
 * With too short a history the adaptive detectors fall back to the static threshold of the policy's
 * {@code overThreshold}, as the paper does before enough data are collected.
 */
public interface OverloadDetector {
    /** Whether a host carrying {@code share} of its CPU, with {@code history}, is overloaded. */
    boolean overloaded(double[] history, double share, PolicyConfig config);

    /** Static threshold (THR): overloaded above {@code overThreshold}. */
    static OverloadDetector threshold() {
        return (history, share, c) -> share > c.overThreshold();
    }

    /** Median absolute deviation (MAD): upper threshold {@code 1 - s * MAD} (paper: s = 2.5). */
    record Mad(double safety, int minHistory) implements OverloadDetector {
        @Override
        public boolean overloaded(double[] history, double share, PolicyConfig c) {
            if (history.length < minHistory) return threshold().overloaded(history, share, c);
            return share > 1 - safety * mad(history);
        }

        public static double mad(double[] x) {
            double median = new Median().evaluate(x);
            double[] dev = new double[x.length];
            for (int i = 0; i < x.length; i++) dev[i] = Math.abs(x[i] - median);
            return new Median().evaluate(dev);
        }
    }

    /**
     * Interquartile range (IQR): upper threshold {@code 1 - s * IQR} (paper: s = 1.5). Quartiles by commons-math's
     * default estimate (the value at position p (n + 1), interpolated linearly).
     */
    record Iqr(double safety, int minHistory) implements OverloadDetector {
        @Override
        public boolean overloaded(double[] history, double share, PolicyConfig c) {
            if (history.length < minHistory) return threshold().overloaded(history, share, c);
            return share > 1 - safety * iqr(history);
        }

        public static double iqr(double[] x) {
            Percentile p = new Percentile();
            p.setData(x);
            return p.evaluate(75) - p.evaluate(25);
        }
    }

    /**
     * Local regression (LR, {@code robust} false) and robust local regression (LRR): a line fitted to the last
     * {@code points} values (paper: 10) with Cleveland's tricube weights, plus bisquare robustness iterations for
     * LRR, predicts the next value; overloaded if {@code s * prediction >= 1} (paper: s = 1.2). The share leaving
     * the host with VMs already on their way out is taken off the prediction.
     */
    record LocalRegression(double safety, int points, boolean robust) implements OverloadDetector {
        @Override
        public boolean overloaded(double[] history, double share, PolicyConfig c) {
            if (history.length < points) return threshold().overloaded(history, share, c);
            double[] y = java.util.Arrays.copyOfRange(history, history.length - points, history.length);
            double next = LoessLine.predictNext(y, robust);
            return safety * (next + share - y[y.length - 1]) >= 1;
        }
    }
}
