package io.miglab.datacenter.migration;

/**
 * Decides the vCPU throttle of a migrating guest at each dirty-log sync. A new instance per migration.
 */
public interface ThrottleRule {
    /**
     * @param clockSeconds     time since the migration started
     * @param roundSeconds     wall time of the round that just ended (send and sync)
     * @param sendSeconds      of which the stream was sending
     * @param dirtiedBytes     distinct bytes dirtied during the round
     * @param sentBytes        bytes sent during the round
     * @param throttlePercent  the throttle applied during the round
     * @return the throttle in percent for the next round
     */
    int afterSync(double clockSeconds, double roundSeconds, double sendSeconds, double dirtiedBytes,
                  double sentBytes, int throttlePercent);

    /** Highest throttle this rule can apply. */
    int maxPercent();
}
