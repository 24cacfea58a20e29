package io.miglab.qemu.host;

import java.util.List;

/**
 * What a QEMU thread does, from the name QEMU gives it with {@code -name ...,debug-threads=on}. QEMU 10: vCPU
 * threads are "CPU N/TCG" or "CPU N/KVM" (accel/tcg/tcg-accel-ops-mttcg.c, accel/kvm/kvm-accel-ops.c; one "ALL
 * CPUs/TCG" when TCG runs round-robin); the source's migration thread is "mig/src/main", multifd's "mig/src/send_N"
 * and "mig/dst/recv_N", post-copy's "mig/src/rp", "mig/dst/fault" and "mig/dst/preempt" (migration/migration.h,
 * MIGRATION_THREAD_*); older QEMUs named them "live_migration", "multifdsend_N", "multifdrecv_N", "return path",
 * "fault-default" and "fault-fast". The destination loads the stream in a coroutine of the main thread, which
 * keeps the process's name (as do unnamed helpers); that is {@link #OTHER}.
 */
public enum ThreadRole {
    /** Runs the guest's virtual CPU. */
    VCPU,
    /** One of the migration's own threads. */
    MIGRATION,
    /** The main loop (the destination's loading among it), I/O threads, RCU and thread-pool workers. */
    OTHER;

    private static final List<String> VCPU_PREFIXES = List.of("CPU ", "ALL CPUs/");
    private static final List<String> MIGRATION_PREFIXES = List.of("mig/", "live_migration", "multifdsend_",
            "multifdrecv_", "return path", "fault-default", "fault-fast");

    public static ThreadRole of(String name) {
        if (VCPU_PREFIXES.stream().anyMatch(name::startsWith)) return VCPU;
        if (MIGRATION_PREFIXES.stream().anyMatch(name::startsWith)) return MIGRATION;
        return OTHER;
    }
}
