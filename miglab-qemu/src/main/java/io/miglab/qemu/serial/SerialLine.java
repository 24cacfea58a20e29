package io.miglab.qemu.serial;

/**
 * One line from the guest's serial console.
 *
 * @param hostNanos host {@link System#nanoTime()} when the line's newline arrived (the guest's clock barely
 *                  advances while it is paused, so downtime is measured on the host)
 * @param text      the line without its {@code \r\n}
 */
public record SerialLine(long hostNanos, String text) {
    public GuestMessage message() {
        return GuestMessage.parse(text);
    }
}
