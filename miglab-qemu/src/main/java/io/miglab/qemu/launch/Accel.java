package io.miglab.qemu.launch;

/** How QEMU runs the guest's CPU. */
public enum Accel {
    /** Software emulation: works everywhere, the default. */
    TCG("tcg"),
    /** Hardware virtualisation: only when a boot test under it succeeded (see {@link AccelProbe}). */
    KVM("kvm");

    private final String qemuName;

    Accel(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name for {@code -accel}. */
    public String qemuName() {
        return qemuName;
    }
}
