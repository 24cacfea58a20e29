package io.miglab.datacenter.migration;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rate-based migrations sharing one link: all start together, at most {@code maxParallel} at a time (the others
 * queue in the order given and start as a slot frees, as the evacuation policy's concurrency limit admits them),
 * and the link's capacity is shared max-min fairly among the streams crossing it. The link's rate may change once
 * while they run. Each spec's own bandwidth and cap become its flow's cap.
 */
public final class SharedLinkBatch {
    /** One migration: when it started (seconds after the batch) and its result. */
    public record Member(int index, double startSeconds, MigrationResult result) { }

    /** The link's capacity becomes {@code bytesPerSecond} at {@code atSeconds}. */
    public record CapacityChange(double atSeconds, double bytesPerSecond) { }

    private final AlgorithmRegistry algorithms;

    public SharedLinkBatch(AlgorithmRegistry algorithms) {
        this.algorithms = algorithms;
    }

    public List<Member> run(List<MigrationSpec> specs, double linkBytesPerSecond, int maxParallel,
                            Optional<CapacityChange> change) {
        if (maxParallel < 1) throw new IllegalArgumentException("max-parallel: at least 1, got " + maxParallel);
        Simulator sim = new Simulator(specs.isEmpty() ? 1 : specs.get(0).seed());
        Network network = new Network(sim);
        NetworkLink link = new NetworkLink("shared", linkBytesPerSecond);
        change.ifPresent(c -> sim.at(c.atSeconds(), s -> network.changeCapacity(link, c.bytesPerSecond())));
        Member[] members = new Member[specs.size()];
        double[] starts = new double[specs.size()];
        Deque<Integer> waiting = new ArrayDeque<>();
        Map<RateMigration, Integer> indices = new IdentityHashMap<>();
        for (int i = 0; i < specs.size(); i++) waiting.add(i);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void finished(RateMigration m, MigrationResult result) {
                int index = indices.get(m);
                members[index] = new Member(index, starts[index], result);
                startNext(sim, network, link, specs, waiting, starts, indices, this);
            }
        };
        for (int k = 0; k < maxParallel; k++) startNext(sim, network, link, specs, waiting, starts, indices, listener);
        sim.run();
        List<Member> done = new ArrayList<>();
        for (Member m : members) {
            if (m == null) throw new IllegalStateException("a migration of the batch did not finish");
            done.add(m);
        }
        return done;
    }

    private void startNext(Simulator sim, Network network, NetworkLink link, List<MigrationSpec> specs,
                           Deque<Integer> waiting, double[] starts, Map<RateMigration, Integer> indices,
                           MigrationListener listener) {
        Integer next = waiting.poll();
        if (next == null) return;
        MigrationSpec spec = specs.get(next);
        starts[next] = sim.now();
        RateMigration m = new RateMigration(sim, network, List.of(link), null, spec,
                algorithms.create(spec.algorithm()), ThrottleRules.forSpec(spec, false), listener, RateBasedBackend.NAME);
        indices.put(m, next);
        m.start();
    }
}
