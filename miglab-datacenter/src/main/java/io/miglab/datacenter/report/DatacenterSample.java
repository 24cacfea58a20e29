package io.miglab.datacenter.report;

/** The datacenter at one scheduling tick. */
public record DatacenterSample(double timeSeconds, int hostsOn, double meanUtilisation, double totalWatts,
                               int overloadedHosts, int migrationsInFlight, int migrationsQueued) { }
