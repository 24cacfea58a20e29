package io.miglab.core.result;

/**
 * The stages of one live migration, after the staged model of Clark et al. ("Live Migration of Virtual Machines",
 * NSDI 2005, section 3.1; also Kirthima and Chandrakar's performance impact model): pre-copy migrations go through
 * them in this order; post-copy has its own order (see {@link #POSTCOPY} and docs/protocol.md). Until
 * {@link #COMMIT} the source is primary and can resume the guest; after it the destination is.
 */
public enum Stage {
    /** Choose the destination and check its resources (a set time; the datacenter's placement). */
    PREPARATION("preparation"),
    /** The destination reserves a container of the VM's size (memory, vCPUs), or refuses. */
    RESERVATION("reservation"),
    /**
     * The VM's local disk goes to the destination before its memory (block pre-copy's rounds, or a mirror's copy
     * until in sync); only when a disk moves (see core.diskmove.StorageMove). Its bytes are the disk's.
     */
    STORAGE("storage"),
    /** Iterative push while the guest runs on the source. */
    PRECOPY("pre-copy"),
    /** The guest is paused; the rest of memory and the CPU and device state go over (post-copy: the switch). */
    STOP_AND_COPY("stop-and-copy"),
    /** The destination holds a consistent image and acknowledges it; from here the destination is primary. */
    COMMIT("commit"),
    /** Device state loaded and the guest started on the destination (self-announce rounds follow). */
    ACTIVATION("activation"),
    /** Post-copy: the guest runs on the destination while the rest of memory is pulled and pushed. */
    POSTCOPY("post-copy");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name in JSON, CSV, tables and the {@code --fail} syntax: {@code pre-copy}, {@code stop-and-copy}, ... */
    public String label() {
        return label;
    }

    /** The stage with this label. */
    public static Stage byLabel(String label) {
        for (Stage s : values()) if (s.label.equals(label)) return s;
        throw new IllegalArgumentException("no stage named " + label);
    }
}
