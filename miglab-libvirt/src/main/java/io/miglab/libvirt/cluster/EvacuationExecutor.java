package io.miglab.libvirt.cluster;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.migrate.LibvirtMigration;
import io.miglab.libvirt.migrate.LibvirtOptions;
import io.miglab.libvirt.migrate.LibvirtRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Carries an {@link EvacuationPlan} out through libvirt: the steps in the plan's order, at most the plan's
 * concurrency at once, each a live migration of the existing domain (persistent domains are defined on the
 * destination and undefined on the source only when the migration succeeded, which libvirt does itself). A failed
 * migration is retried up to {@code retries} times and then left on the source; after every failed attempt the
 * domain is checked, and started again on the source if it is running nowhere.
 */
public final class EvacuationExecutor {
    /** What happened to one step. */
    public record Outcome(EvacuationPlan.Step step, int attempts, MigrationResult result, String sourceState,
                          String destinationState, Optional<String> error) {
        public boolean moved() {
            return result.outcome().completed();
        }
    }

    private final MigrationSpec spec;
    private final int retries;
    private final List<String> persistent;
    private final Optional<String> listenAddress;

    public EvacuationExecutor(MigrationSpec spec, int retries, List<String> persistentDomains,
                              Optional<String> listenAddress) {
        this.spec = spec;
        this.retries = retries;
        this.persistent = List.copyOf(persistentDomains);
        this.listenAddress = listenAddress;
    }

    public List<Outcome> execute(EvacuationPlan plan) {
        ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (EvacuationPlan.Step s : plan.steps()) futures.add(pool.submit(() -> carryOut(plan, s)));
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evacuating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evacuation step failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome carryOut(EvacuationPlan plan, EvacuationPlan.Step step) {
        boolean keep = persistent.contains(step.domain());
        LibvirtOptions options = LibvirtOptions.between(plan.hostUri(), step.destinationUri())
                .withDomain(step.domain()).withPersistence(keep, keep);
        if (listenAddress.isPresent()) options = options.withListenAddress(listenAddress.get());
        LibvirtRun run = null;
        int attempt = 0;
        while (attempt <= retries) {
            attempt++;
            run = new LibvirtBackend(options).run(spec);
            if (run.result().outcome().completed()) break;
            keepRunning(plan.hostUri(), step);
        }
        return new Outcome(step, attempt, run.result(), run.sourceState(), run.destinationState(), run.error());
    }

    /** After a failed attempt the domain must run somewhere: if it runs on neither host, start it on the source. */
    private static void keepRunning(String sourceUri, EvacuationPlan.Step step) {
        Connect source = LibvirtBackend.connect(sourceUri, "source");
        Connect destination = LibvirtBackend.connect(step.destinationUri(), "destination");
        try {
            if (!LibvirtMigration.state(source, step.domain()).equals("running")
                    && !LibvirtMigration.state(destination, step.domain()).equals("running")) {
                Domain d = source.domainLookupByName(step.domain());
                d.create();
            }
        } catch (LibvirtException e) {
            // a transient domain that is gone from both cannot be started again; the outcome shows its states
        } finally {
            try {
                source.close();
                destination.close();
            } catch (LibvirtException ignored) {
                // closing anyway
            }
        }
    }
}
