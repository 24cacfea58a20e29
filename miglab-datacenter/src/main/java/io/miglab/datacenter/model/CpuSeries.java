package io.miglab.datacenter.model;

/**
 * One VM's CPU demand over time, as a share (0..1) of its vCPUs. Asked at non-decreasing times (the scheduling
 * ticks), so a random walk can keep its state. The demand is held constant between two ticks, as in CloudSim.
 */
public interface CpuSeries {
    double shareAt(double seconds);
}
