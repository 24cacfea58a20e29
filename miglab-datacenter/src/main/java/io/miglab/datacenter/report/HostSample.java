package io.miglab.datacenter.report;

/** One host at one scheduling tick (kept only for small datacenters, see Scenario.hostSeriesLimit). */
public record HostSample(double timeSeconds, String host, double utilisation, double watts, int vms) { }
