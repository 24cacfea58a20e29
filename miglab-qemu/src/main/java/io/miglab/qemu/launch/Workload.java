package io.miglab.qemu.launch;

import java.util.Locale;

/** The guest's workload, the {@code workload=} word on its kernel command line. */
public enum Workload {
    IDLE, MEMWRITER, CPUBURN, HTTPD;

    public String guestName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
