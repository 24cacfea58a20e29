package io.miglab.core.spec;

/** What can break during a migration. */
public enum FailureKind {
    /** The destination host (or its QEMU) dies: its kernel resets the connection, the source notices at once. */
    DESTINATION_CRASH("destination-crash"),
    /** The migration link goes down: nothing arrives, and nobody is told; the sides notice after a while. */
    LINK_DOWN("link-down"),
    /** The source host dies, with the guest's only complete copy until commit. */
    SOURCE_CRASH("source-crash");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind with this label, or null. */
    public static FailureKind byLabel(String label) {
        for (FailureKind k : values()) if (k.label.equals(label)) return k;
        return null;
    }
}
