package io.miglab.qemu.serial;

import java.util.List;

/** What one serial console printed: complete lines and the bytes after the last newline. */
public record SerialTranscript(List<SerialLine> lines, String partial) {
    public SerialTranscript {
        lines = List.copyOf(lines);
        partial = partial == null ? "" : partial;
    }
}
