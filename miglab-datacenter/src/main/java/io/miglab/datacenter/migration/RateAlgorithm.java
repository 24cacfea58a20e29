package io.miglab.datacenter.migration;

/**
 * A migration algorithm in the rate-based model: the same decisions as the page-level algorithms of
 * {@code io.miglab.core.algorithm}, taken when the migration's events come instead of in a loop, because here
 * rounds take simulated time shared with other migrations.
 */
public interface RateAlgorithm {
    /** The preparation is over and the first page can go. */
    void started(RateMigration m);

    /** A pre-copy round ended (its dirty log was synced). */
    void roundEnded(RateMigration m);
}
