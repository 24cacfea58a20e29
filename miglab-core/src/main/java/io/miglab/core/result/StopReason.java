package io.miglab.core.result;

/** Why pre-copy (or the whole migration) stopped. */
public enum StopReason {
    /** Stop-and-copy and post-copy do not iterate. */
    NOT_ITERATIVE(true),
    /** The rest could be sent within the downtime limit. */
    DOWNTIME_LIMIT_MET(true),
    /** Fewer dirty pages than the policy's threshold were left. */
    FEW_DIRTY_PAGES(true),
    /** Hybrid: switched to post-copy after the set rounds or time. */
    SWITCHED_TO_POSTCOPY(true),
    /** The round limit was reached before convergence. */
    MAX_ROUNDS(false),
    /** The data limit was reached before convergence. */
    MAX_DATA(false),
    /**
     * The downtime limit cannot be met: the switch-over's fixed costs alone (device state at the switch-over rate,
     * resume) exceed it, whatever pre-copy does.
     */
    LIMIT_UNREACHABLE(false),
    /** The time limit was reached before convergence. */
    TIMEOUT(false),
    /** The destination went away or the run was cancelled by a user. */
    ABORTED(false),
    /** The migration failed: a QEMU error, a crash or a broken link (see the result's fate), and the like. */
    FAILED(false),
    /** The destination could not reserve the VM's memory or vCPUs: nothing was sent, the guest stays on the source. */
    REFUSED(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    public boolean converged() {
        return converged;
    }
}
