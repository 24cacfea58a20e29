package io.miglab.libvirt.domain;

import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuInstallation;
import java.nio.file.Path;

/**
 * miglab's guest as a libvirt domain: the same kernel, initramfs and command line as the QEMU backend boots
 * (direct kernel boot), one vCPU, under software emulation ({@code type='qemu'}), its serial console appended to a
 * file so that the source's and then the destination's QEMU write one continuous heartbeat record.
 * {@code <acpi/>} keeps libvirt from adding {@code acpi=off}; no USB controller, no balloon; every exit destroys.
 */
public record GuestDomain(String name, GuestConfig guest, QemuInstallation installation, Path serialLog) {

    public String xml() {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='MiB'>%d</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>destroy</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>%s</emulator>
                    <controller type='usb' model='none'/>
                    <serial type='file'><source path='%s' append='on'/><target port='0'/></serial>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(escape(name), guest.memoryMiB(), escape(installation.vmlinux().toString()),
                escape(installation.initramfs().toString()), escape(guest.kernelCommandLine()),
                escape(installation.qemu().toString()), escape(serialLog.toString()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
