package io.miglab.datacenter.policy;

/**
 * The last {@code capacity} samples of a value per item (a host's CPU utilisation, a VM's CPU demand), all items
 * sampled at the same ticks: one flat ring buffer, no object per sample. A sample's values sit side by side (the
 * buffer is a ring of samples, each one value per item), so the tick that records every item in id order writes
 * memory in order; with each item's samples side by side instead, every write of a hundred thousand hosts' tick
 * went to a line of its own.
 */
public final class History {
    private final int items;
    private final int capacity;
    private final double[] values;
    private long samples;
    /** Where the current sample's values start in {@link #values}. */
    private int current;

    public History(int items, int capacity) {
        this.items = items;
        this.capacity = capacity;
        this.values = new double[Math.multiplyExact(items, capacity)];
    }

    /** Starts a new sample (a tick); then {@link #set} each item's value. */
    public void advance() {
        samples++;
        current = (int) ((samples - 1) % capacity) * items;
    }

    public void set(int item, double value) {
        values[current + item] = value;
    }

    /** Samples kept per item now. */
    public int length() { return (int) Math.min(samples, capacity); }

    /** The kept samples of {@code item}, oldest first. */
    public double[] of(int item) {
        int n = length();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) out[j] = values[(int) ((samples - n + j) % capacity) * items + item];
        return out;
    }

    public int items() { return items; }
}
