package io.miglab.datacenter.model;

import io.miglab.core.error.InvalidSpecException;

/**
 * A host's power draw, linear in CPU utilisation between idle and peak (the model of Fan, Weber and Barroso, ISCA
 * 2007, used by CloudSim's PowerModelLinear); a switched-off host draws nothing.
 */
public record PowerModel(double idleWatts, double peakWatts) {
    public PowerModel {
        InvalidSpecException.require(idleWatts >= 0 && Double.isFinite(idleWatts), "idle-watts", "watts >= 0",
                idleWatts);
        InvalidSpecException.require(peakWatts >= idleWatts && Double.isFinite(peakWatts), "peak-watts",
                "watts >= idle-watts", peakWatts);
    }

    /** Watts at {@code utilisation} (clamped to 0..1). */
    public double watts(double utilisation) {
        double u = Math.max(0, Math.min(1, utilisation));
        return idleWatts + (peakWatts - idleWatts) * u;
    }
}
