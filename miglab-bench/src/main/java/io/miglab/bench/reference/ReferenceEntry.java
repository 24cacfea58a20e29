package io.miglab.bench.reference;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;

/** The reference platform's mean figures for one workload under one host load. */
public record ReferenceEntry(String workload, HostLoad hostLoad, double downtimeMs, double totalTimeMs,
                             double dataMiB, double overheadPercent) {
    public double value(Metric m) {
        return switch (m) {
            case DOWNTIME -> downtimeMs;
            case TOTAL_TIME -> totalTimeMs;
            case DATA -> dataMiB;
            case OVERHEAD -> overheadPercent;
        };
    }
}
