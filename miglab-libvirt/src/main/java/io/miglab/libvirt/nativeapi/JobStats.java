package io.miglab.libvirt.nativeapi;

import java.util.Map;

/**
 * One answer of {@code virDomainGetJobStats}: the job type and its typed parameters by libvirt's names
 * ({@code VIR_DOMAIN_JOB_*} in libvirt-domain.h: time_elapsed, downtime, setup_time, data_processed,
 * data_remaining, data_total, memory_dirty_rate, memory_iteration, memory_postcopy_requests, ...).
 */
public record JobStats(int type, Map<String, Object> values) {
    public JobStats {
        values = Map.copyOf(values);
    }

    /** The number, or -1 when libvirt did not report it. */
    public long number(String field) {
        Object v = values.get(field);
        return v instanceof Number n ? n.longValue() : -1;
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** A job is running (bounded or unbounded). */
    public boolean active() {
        return type == 1 || type == 2;
    }
}
