package io.miglab.datacenter.migration;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rate-based algorithms by name, the same names as {@code io.miglab.core.algorithm.AlgorithmRegistry}; each
 * mirrors its page-level namesake step for step (see that class's javadoc for the papers).
 */
public final class RateAlgorithms {
    private final Map<String, Supplier<RateAlgorithm>> entries = new LinkedHashMap<>();

    public static RateAlgorithms standard() {
        return new RateAlgorithms()
                .register("stop-and-copy", StopAndCopy::new)
                .register("precopy", PreCopy::new)
                .register("postcopy", PostCopy::new)
                .register("hybrid", Hybrid::new);
    }

    public RateAlgorithms register(String name, Supplier<RateAlgorithm> factory) {
        if (entries.putIfAbsent(name, factory) != null) throw new IllegalArgumentException(name + " twice");
        return this;
    }

    public RateAlgorithm create(String name) {
        Supplier<RateAlgorithm> f = entries.get(name);
        if (f == null) throw new InvalidSpecException("algorithm", "one of " + String.join(", ", names()), name);
        return f.get();
    }

    public Set<String> names() { return Collections.unmodifiableSet(entries.keySet()); }

    /** Pause, send everything, resume. */
    static final class StopAndCopy implements RateAlgorithm {
        @Override
        public void started(RateMigration m) { m.stopAndCopy(StopReason.NOT_ITERATIVE); }

        @Override
        public void roundEnded(RateMigration m) { throw new IllegalStateException("stop-and-copy has no rounds"); }
    }

    /** Pre-copy rounds until the policy stops them; then stop-and-copy, or cancel if the policy says so. */
    static final class PreCopy implements RateAlgorithm {
        @Override
        public void started(RateMigration m) { m.precopyRound(); }

        @Override
        public void roundEnded(RateMigration m) {
            Optional<StopReason> stop = m.evaluatePolicy();
            if (stop.isEmpty()) {
                m.precopyRound();
                return;
            }
            StopReason reason = stop.get();
            if (reason.converged() || m.spec().policy().onLimit() == TerminationPolicy.LimitAction.STOP_AND_COPY) {
                m.stopAndCopy(reason);
            } else {
                m.cancel(reason);
            }
        }
    }

    /** Resume on the destination at once and push every page. */
    static final class PostCopy implements RateAlgorithm {
        @Override
        public void started(RateMigration m) { m.switchToPostCopy(StopReason.NOT_ITERATIVE); }

        @Override
        public void roundEnded(RateMigration m) { throw new IllegalStateException("post-copy has no rounds"); }
    }

    /** Pre-copy for the set rounds or time (or until a limit), then post-copy; stop-and-copy if it converges. */
    static final class Hybrid implements RateAlgorithm {
        @Override
        public void started(RateMigration m) { m.precopyRound(); }

        @Override
        public void roundEnded(RateMigration m) {
            PostCopyOptions options = m.spec().postCopy();
            double switchAt = options.switchAfter().map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
            Optional<StopReason> stop = m.evaluatePolicy();
            if (stop.isPresent() && stop.get().converged()) {
                m.stopAndCopy(stop.get());
            } else if (m.roundsDone() >= options.precopyRounds() || m.clockSeconds() >= switchAt
                    || stop.isPresent()) {
                m.switchToPostCopy(StopReason.SWITCHED_TO_POSTCOPY);
            } else {
                m.precopyRound();
            }
        }
    }
}
