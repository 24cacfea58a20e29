package io.miglab.datacenter.migration;

/**
 * VMware vMotion's Stun During Page Send (SDPS, vSphere 5): when the guest dirties memory faster than vMotion
 * can send it, the vCPUs are slowed (by injected delays) until the dirty rate falls below the send rate, so
 * pre-copy converges instead of failing. Modelled at round granularity: after each round the throttle is set so
 * that the guest's unthrottled dirty rate, slowed by it, is {@code targetRatio} of the rate the round was sent at;
 * when the guest dirties slower than that the throttle is lifted. VMware does not publish the controller, so the
 * ratio is this model's parameter (0.5 by default: each round at most half the size of the one before).
 */
public final class StunDuringPageSendRule implements ThrottleRule {
    public static final double DEFAULT_TARGET_RATIO = 0.5;
    public static final int MAX_PERCENT = 99;
    private final double targetRatio;

    public StunDuringPageSendRule(double targetRatio) {
        if (!(targetRatio > 0 && targetRatio < 1)) {
            throw new IllegalArgumentException("sdps target ratio: a share from above 0 to below 1");
        }
        this.targetRatio = targetRatio;
    }

    @Override
    public int afterSync(double clockSeconds, double roundSeconds, double sendSeconds, double dirtiedBytes,
                         double sentBytes, int throttlePercent) {
        if (roundSeconds <= 0 || sendSeconds <= 0 || sentBytes <= 0) return throttlePercent;
        double running = 1 - throttlePercent / 100.0;
        double unthrottledDirtyRate = dirtiedBytes / (roundSeconds * running);
        double sendRate = sentBytes / sendSeconds;
        if (unthrottledDirtyRate <= targetRatio * sendRate) return 0;
        double keep = targetRatio * sendRate / unthrottledDirtyRate;
        return (int) Math.min(MAX_PERCENT, Math.ceil(100 * (1 - keep)));
    }

    @Override
    public int maxPercent() { return MAX_PERCENT; }
}
