package io.miglab.datacenter.report;

/**
 * One host over the whole run.
 *
 * @param migrationCpuSeconds CPU the host spent on migration streams it sent or received, in core-seconds
 */
public record HostSummary(String host, int rack, double energyKWh, double overloadSeconds, int vmsAtEnd,
                          boolean onAtEnd, double migrationCpuSeconds) { }
