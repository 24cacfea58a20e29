package io.miglab.datacenter.migration;

import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.util.List;

/**
 * One rate-based migration alone on a dedicated link of the spec's bandwidth (its cap applies as the flow's
 * cap): the datacenter's migration model through the common backend interface, so it can be set side by side
 * with the page-level simulator and the closed form. A NAS-assisted spec gets a NAS of its own ({@link NasNode#of}).
 */
public final class RateBasedBackend implements MigrationBackend {
    public static final String NAME = "datacenter";
    private final AlgorithmRegistry algorithms;
    private final boolean sdps;

    /** @param sdps whether VMware's Stun During Page Send throttles the guest (the profile's {@code sdps}) */
    public RateBasedBackend(AlgorithmRegistry algorithms, boolean sdps) {
        this.algorithms = algorithms;
        this.sdps = sdps;
    }

    public RateBasedBackend(AlgorithmRegistry algorithms) {
        this(algorithms, false);
    }

    public RateBasedBackend() {
        this(AlgorithmRegistry.standard());
    }

    @Override
    public String name() { return NAME; }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        Simulator sim = new Simulator(spec.seed());
        Network network = new Network(sim);
        NetworkLink link = new NetworkLink("link", spec.link().bandwidth().bytesPerSecond());
        RateMigration m = new RateMigration(sim, network, List.of(link), spec.nas().map(NasNode::of).orElse(null),
                spec, algorithms.create(spec.algorithm()), ThrottleRules.forSpec(spec, sdps), null, NAME);
        m.start();
        sim.run();
        if (!m.isFinished()) throw new IllegalStateException("the migration did not finish");
        return m.result();
    }
}
