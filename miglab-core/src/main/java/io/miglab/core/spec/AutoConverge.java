package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;

/**
 * QEMU's auto-converge: throttle the guest's vCPUs when it dirties memory faster than it can be sent.
 * Defaults from QEMU migration/options.c: cpu-throttle-initial 20, cpu-throttle-increment 10, max-cpu-throttle 99,
 * throttle-trigger-threshold 50.
 *
 * @param syncWaitsForVcpu a dirty-bitmap sync waits for each throttled vCPU to end its throttle sleep: QEMU under
 *                         TCG (accel/tcg, tcg_log_global_after_sync runs run_on_cpu on every vCPU after each sync);
 *                         not KVM with its dirty bitmap (the default), whose sync only reads the kernel's log
 */
public record AutoConverge(int initialPercent, int incrementPercent, int maxPercent, int triggerThresholdPercent,
                           boolean syncWaitsForVcpu) {
    /** A sync that does not wait for the vCPUs (KVM's dirty bitmap). */
    public AutoConverge(int initialPercent, int incrementPercent, int maxPercent, int triggerThresholdPercent) {
        this(initialPercent, incrementPercent, maxPercent, triggerThresholdPercent, false);
    }

    public AutoConverge {
        InvalidSpecException.require(initialPercent >= 1 && initialPercent <= 99, "throttle-initial", "1 to 99",
                initialPercent);
        InvalidSpecException.require(incrementPercent >= 1 && incrementPercent <= 99, "throttle-increment",
                "1 to 99", incrementPercent);
        InvalidSpecException.require(maxPercent >= initialPercent && maxPercent <= 99, "throttle-max",
                "throttle-initial (" + initialPercent + ") to 99", maxPercent);
        InvalidSpecException.require(triggerThresholdPercent >= 1 && triggerThresholdPercent <= 100,
                "throttle-trigger-threshold", "1 to 100", triggerThresholdPercent);
    }

    public static AutoConverge qemuDefaults() {
        return new AutoConverge(20, 10, 99, 50);
    }

    public AutoConverge withSyncWaitsForVcpu(boolean waits) {
        return new AutoConverge(initialPercent, incrementPercent, maxPercent, triggerThresholdPercent, waits);
    }
}
