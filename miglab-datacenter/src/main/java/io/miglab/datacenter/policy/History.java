package io.miglab.datacenter.policy;

/**
 * The last {@code capacity} samples of a value per item (a host's CPU utilisation, a VM's CPU demand), all items
 * sampled at the same ticks: one flat ring buffer, no object per sample.
 */
public final class History {
    private final int items;
    private final int capacity;
    private final double[] values;
    private long samples;

    public History(int items, int capacity) {
        this.items = items;
        this.capacity = capacity;
        this.values = new double[Math.multiplyExact(items, capacity)];
    }

    /** Starts a new sample (a tick); then {@link #set} each item's value. */
    public void advance() { samples++; }

    public void set(int item, double value) {
        values[item * capacity + (int) ((samples - 1) % capacity)] = value;
    }

    /** Samples kept per item now. */
    public int length() { return (int) Math.min(samples, capacity); }

    /** The kept samples of {@code item}, oldest first. */
    public double[] of(int item) {
        int n = length();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) out[j] = values[item * capacity + (int) ((samples - n + j) % capacity)];
        return out;
    }

    public int items() { return items; }
}
