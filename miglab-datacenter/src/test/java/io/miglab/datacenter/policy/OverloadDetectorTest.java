package io.miglab.datacenter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each overload detector of Beloglazov and Buyya (CCPE 2012) against a history worked out by hand. */
class OverloadDetectorTest {
    private static final PolicyConfig CONFIG = PolicyConfig.defaults("thr"); // overThreshold 0.8
    private static final double[] RISING = {0.5, 0.6, 0.7, 0.8, 0.9};

    // Guards THR: over the policy's threshold, strictly.
    @Test
    void threshold_isTheOverThreshold() {
        assertThat(OverloadDetector.threshold().overloaded(RISING, 0.81, CONFIG)).isTrue();
        assertThat(OverloadDetector.threshold().overloaded(RISING, 0.80, CONFIG)).isFalse();
    }

    // median 0.7; deviations 0.2, 0.1, 0, 0.1, 0.2; their median MAD = 0.1; threshold 1 - 2.5 * 0.1 = 0.75
    @Test
    void mad_ofARisingHistory_setsTheThresholdAt075() {
        assertThat(OverloadDetector.Mad.mad(RISING)).isCloseTo(0.1, within(1e-12));
        OverloadDetector mad = new OverloadDetector.Mad(2.5, 5);
        assertThat(mad.overloaded(RISING, 0.76, CONFIG)).isTrue(); // THR (0.8) would not say so
        assertThat(mad.overloaded(RISING, 0.74, CONFIG)).isFalse();
    }

    // quartiles at positions 0.25 * 6 = 1.5 and 0.75 * 6 = 4.5: Q1 = 0.55, Q3 = 0.85; IQR 0.3; threshold 1 - 1.5 *
    // 0.3 = 0.55
    @Test
    void iqr_ofARisingHistory_setsTheThresholdAt055() {
        assertThat(OverloadDetector.Iqr.iqr(RISING)).isCloseTo(0.3, within(1e-12));
        OverloadDetector iqr = new OverloadDetector.Iqr(1.5, 5);
        assertThat(iqr.overloaded(RISING, 0.56, CONFIG)).isTrue();
        assertThat(iqr.overloaded(RISING, 0.54, CONFIG)).isFalse();
    }

    // Guards the fallback: with fewer samples than the detector needs, the static threshold decides.
    @Test
    void adaptiveDetectors_fallBackToTheThresholdOnAShortHistory() {
        assertThat(new OverloadDetector.Mad(2.5, 12).overloaded(RISING, 0.76, CONFIG)).isFalse();
        assertThat(new OverloadDetector.Iqr(1.5, 12).overloaded(RISING, 0.56, CONFIG)).isFalse();
        assertThat(new OverloadDetector.LocalRegression(1.2, 10, false).overloaded(RISING, 0.81, CONFIG)).isTrue();
    }

    // y_i = 0.4 + 0.04 i, i = 1..10: any weighted line goes through it; next value 0.84, 1.2 * 0.84 = 1.008 >= 1.
    // One step lower (0.39 + 0.04 i) predicts 0.83, 1.2 * 0.83 = 0.996 < 1.
    @Test
    void localRegression_overloadsWhenSTimesThePredictionReachesOne() {
        OverloadDetector lr = new OverloadDetector.LocalRegression(1.2, 10, false);
        double[] y = line(0.4, 0.04);
        assertThat(LoessLine.predictNext(y, false)).isCloseTo(0.84, within(1e-12));
        assertThat(lr.overloaded(y, y[9], CONFIG)).isTrue(); // the current 0.8 is not over THR
        double[] lower = line(0.39, 0.04);
        assertThat(lr.overloaded(lower, lower[9], CONFIG)).isFalse();
        // the share already leaving (0.05 of the host) comes off the prediction: 1.2 * 0.79 < 1
        assertThat(lr.overloaded(y, y[9] - 0.05, CONFIG)).isFalse();
    }

    // Tricube weights w_i = (1 - ((10 - i) / 9)^3)^3 = 0, 0.0264, 0.1484, 0.3485, 0.5688, 0.7591, 0.8930, 0.9674,
    // 0.9959, 1; the weighted line through 0.9 x 6, 0.6, 0.65, 0.7, 0.75 predicts 0.62888 at i = 11 (an unweighted
    // line: 0.64667, so the weights are in).
    @Test
    void localRegression_weighsRecentSamplesByTricube() {
        double[] y = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.6, 0.65, 0.7, 0.75};
        assertThat(LoessLine.predictNext(y, false)).isCloseTo(0.628884, within(1e-6));
    }

    // A line 0.68 + 0.02 i with one outlier (0.40 at i = 9): the plain fit is dragged down to 0.70 (1.2 * 0.70 <
    // 1); the bisquare iterations give the outlier no weight (|residual| > 6 x the median one) and the line
    // continues to 0.90 (1.2 * 0.90 >= 1).
    @Test
    void robustLocalRegression_ignoresAnOutlier() {
        double[] y = line(0.68, 0.02);
        y[8] = 0.40;
        assertThat(LoessLine.predictNext(y, false)).isCloseTo(0.701226, within(1e-6));
        assertThat(LoessLine.predictNext(y, true)).isCloseTo(0.90, within(1e-9));
        assertThat(new OverloadDetector.LocalRegression(1.2, 10, false).overloaded(y, y[9], CONFIG)).isFalse();
        assertThat(new OverloadDetector.LocalRegression(1.2, 10, true).overloaded(y, y[9], CONFIG)).isTrue();
    }

    private static double[] line(double a, double b) {
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) y[i] = a + b * (i + 1);
        return y;
    }
}
