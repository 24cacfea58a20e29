package io.miglab.datacenter.report;

/** One host over the whole run. */
public record HostSummary(String host, int rack, double energyKWh, double overloadSeconds, int vmsAtEnd,
                          boolean onAtEnd) { }
