package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.core.profile.HypervisorProfile;
import java.time.Duration;
import java.util.List;

/**
 * A datacenter run, validated: what {@code DatacenterSimulation.run} takes. Read from YAML by
 * {@link ScenarioReader}, or built in code.
 *
 * @param initialPlacement how VMs are first placed: {@code spread} (round-robin over the hosts, or over a
 *                         population's own {@code hosts}) or a placement name ({@code first-fit}, ...)
 * @param hostSeriesLimit  per-host time series are kept only up to this many hosts (they grow as hosts x ticks)
 * @param failures         failures injected into the migrations ({@link FailureInjection#NONE}: none)
 * @param nas              the NAS that NAS-assisted migrations share; null: none
 */
public record Scenario(String name, long seed, double durationSeconds, double intervalSeconds,
                       HypervisorProfile profile, PolicyConfig policy, NetworkConfig network, List<RackGroup> racks,
                       List<VmGroup> vms, List<Maintenance> maintenance, String initialPlacement,
                       int hostSeriesLimit, FailureInjection failures, NasConfig nas) {
    /** A scenario without a NAS. */
    public Scenario(String name, long seed, double durationSeconds, double intervalSeconds, HypervisorProfile profile,
                    PolicyConfig policy, NetworkConfig network, List<RackGroup> racks, List<VmGroup> vms,
                    List<Maintenance> maintenance, String initialPlacement, int hostSeriesLimit,
                    FailureInjection failures) {
        this(name, seed, durationSeconds, intervalSeconds, profile, policy, network, racks, vms, maintenance,
                initialPlacement, hostSeriesLimit, failures, null);
    }

    /** A scenario without failures. */
    public Scenario(String name, long seed, double durationSeconds, double intervalSeconds, HypervisorProfile profile,
                    PolicyConfig policy, NetworkConfig network, List<RackGroup> racks, List<VmGroup> vms,
                    List<Maintenance> maintenance, String initialPlacement, int hostSeriesLimit) {
        this(name, seed, durationSeconds, intervalSeconds, profile, policy, network, racks, vms, maintenance,
                initialPlacement, hostSeriesLimit, FailureInjection.NONE);
    }

    public Scenario {
        InvalidSpecException.require(name != null && !name.isBlank(), "name", "a scenario name", name);
        InvalidSpecException.require(durationSeconds > 0, "duration", "a duration > 0",
                Duration.ofNanos(Math.round(durationSeconds * 1e9)));
        InvalidSpecException.require(intervalSeconds > 0 && intervalSeconds <= durationSeconds,
                "schedulingInterval", "a duration > 0 and <= duration", Duration.ofNanos(Math.round(
                        intervalSeconds * 1e9)));
        InvalidSpecException.require(racks != null && !racks.isEmpty(), "racks", "at least one rack group", racks);
        racks = List.copyOf(racks);
        vms = vms == null ? List.of() : List.copyOf(vms);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        InvalidSpecException.require(hostSeriesLimit >= 0, "report.hostSeriesLimit", "a count >= 0", hostSeriesLimit);
        failures = failures == null ? FailureInjection.NONE : failures;
        ScenarioChecks.check(durationSeconds, racks, vms, maintenance);
    }

    public Scenario withProfile(HypervisorProfile p) {
        return new Scenario(name, seed, durationSeconds, intervalSeconds, p, policy, network, racks, vms, maintenance,
                initialPlacement, hostSeriesLimit, failures, nas);
    }

    public Scenario withPolicy(PolicyConfig p) {
        return new Scenario(name, seed, durationSeconds, intervalSeconds, profile, p, network, racks, vms, maintenance,
                initialPlacement, hostSeriesLimit, failures, nas);
    }

    public Scenario withFailures(FailureInjection f) {
        return new Scenario(name, seed, durationSeconds, intervalSeconds, profile, policy, network, racks, vms,
                maintenance, initialPlacement, hostSeriesLimit, f, nas);
    }

    public Scenario withNas(NasConfig n) {
        return new Scenario(name, seed, durationSeconds, intervalSeconds, profile, policy, network, racks, vms,
                maintenance, initialPlacement, hostSeriesLimit, failures, n);
    }

    public long hostCount() {
        return racks.stream().mapToLong(r -> (long) r.racks() * r.hostsPerRack()).sum();
    }

    public long vmCount() {
        return vms.stream().mapToLong(VmGroup::count).sum();
    }
}
