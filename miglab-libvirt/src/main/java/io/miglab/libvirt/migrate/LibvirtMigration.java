package io.miglab.libvirt.migrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.domain.HeartbeatRecord;
import io.miglab.libvirt.domain.SerialLog;
import io.miglab.libvirt.nativeapi.JobStats;
import io.miglab.libvirt.nativeapi.LibvirtCalls;
import io.miglab.libvirt.nativeapi.TypedParams;
import io.miglab.qemu.migrate.MigrationSteering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Runs one migration of an existing domain: the migrate call on its own thread, the source's job sampled every
 * poll interval (the algorithm is asked at each sample, see {@link MigrationSteering}), then the completed job's
 * statistics from the destination (the source's domain is gone after a transient migration) and the heartbeat.
 * A failed or cancelled migration is a result, never an exception.
 */
public final class LibvirtMigration {
    private final MigrationSpec spec;
    private final LibvirtMigrationPlan plan;
    private final LibvirtOptions options;

    public LibvirtMigration(MigrationSpec spec, LibvirtMigrationPlan plan, LibvirtOptions options) {
        this.spec = spec;
        this.plan = plan;
        this.options = options;
    }

    public LibvirtRun run(Connect source, Connect destination, Domain domain, Optional<SerialLog> serial)
            throws LibvirtException {
        String name = domain.getName();
        trySetDowntime(domain);
        List<JobSample> samples = new ArrayList<>();
        MigrationSteering steering = new MigrationSteering(spec, plan.qemu(), new LibvirtControls(domain));
        long start = System.nanoTime();
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> migrate(domain, destination));
        boolean downtimeSet = false;
        while (!call.isDone()) {
            sleep(options.pollInterval().toMillis());
            try {
                JobStats stats = LibvirtCalls.jobStats(domain, false);
                if (!stats.active()) continue;
                JobSample s = new JobSample((System.nanoTime() - start) / 1e6, stats);
                samples.add(s);
                if (!downtimeSet) downtimeSet = trySetDowntime(domain);
                steering.poll(LibvirtControls.progress(s));
            } catch (RuntimeException e) {
                // the job ended between the check and the call, or the domain left the source
            }
        }
        long end = System.nanoTime();
        Optional<String> error = Optional.empty();
        try {
            call.join();
        } catch (RuntimeException e) {
            error = Optional.of(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        boolean completed = error.isEmpty();
        Optional<JobStats> finalStats = completed ? completedStats(destination, name)
                .or(() -> completedStats(source, name)) : Optional.empty();
        Optional<HeartbeatRecord> heartbeat = serial.flatMap(log -> {
            sleep(300); // heartbeats after the switch-over: the guest runs on
            return HeartbeatRecord.of(log.lines(), start, end);
        });
        String sourceState = state(source, name);
        String destinationState = state(destination, name);
        StopReason reason = completed ? steering.reason().orElse(StopReason.DOWNTIME_LIMIT_MET)
                : steering.cancelRequested() ? steering.reason().orElseThrow() : StopReason.FAILED;
        MigrationResult result = new LibvirtResultMapper(spec, plan, samples)
                .map(completed, reason, finalStats, heartbeat, error, sourceState, destinationState,
                        (end - start) / 1e6);
        return new LibvirtRun(result, heartbeat, sourceState, destinationState, error, samples);
    }

    private void migrate(Domain domain, Connect destination) {
        try (TypedParams params = new TypedParams()) {
            for (Map.Entry<String, Object> p : plan.parameters().entrySet()) {
                Object v = p.getValue();
                if (v instanceof String s) params.add(p.getKey(), s);
                else if (v instanceof Integer i) params.addInt(p.getKey(), i);
                else params.add(p.getKey(), ((Number) v).longValue());
            }
            if (options.transport() == LibvirtOptions.Transport.DIRECT) {
                LibvirtCalls.migrate(domain, destination, params, plan.flags());
            } else {
                LibvirtCalls.migrateToUri(domain, options.destinationUri(), params, plan.flags());
            }
        }
    }

    private boolean trySetDowntime(Domain domain) {
        try {
            domain.migrateSetMaxDowntime(plan.downtimeLimitMs());
            return true;
        } catch (LibvirtException e) {
            return false; // no job yet: set again at the first sample
        }
    }

    private static Optional<JobStats> completedStats(Connect c, String name) {
        try {
            JobStats s = LibvirtCalls.jobStats(c.domainLookupByName(name), true);
            return s.values().isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (RuntimeException | LibvirtException e) {
            return Optional.empty();
        }
    }

    /** The domain's state on a daemon, by libvirt's words, or {@code gone}. */
    public static String state(Connect c, String name) {
        try {
            Domain d = c.domainLookupByName(name);
            return d.isActive() == 1 ? "running" : "shut off";
        } catch (LibvirtException e) {
            return "gone";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
