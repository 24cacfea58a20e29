package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a booted source guest counts as ready to migrate: miglab's guest prints {@code MIGLAB READY}; a user's guest
 * prints a line matching a regular expression on its serial console (ttyS0), or answers on a TCP port reached
 * through a host port forward of QEMU's user-mode network.
 */
public sealed interface Readiness {
    /** {@code MIGLAB READY} (or {@code MIGLAB ERROR ...}, a failure). */
    record MiglabReady() implements Readiness { }

    /** A serial line matching {@code pattern} (anywhere in the line, as {@link java.util.regex.Matcher#find}). */
    record SerialLine(Pattern pattern) implements Readiness {
        public static SerialLine of(String regex) {
            InvalidSpecException.require(regex != null && !regex.isEmpty(), "ready-line",
                    "a regular expression matching a line of the guest's serial console", regex);
            try {
                return new SerialLine(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new InvalidSpecException("ready-line", "a valid Java regular expression ("
                        + e.getDescription() + ")", regex);
            }
        }

        public boolean matches(String line) {
            return pattern.matcher(line).find();
        }
    }

    /** The guest's TCP port {@code guestPort} accepts a connection that it does not close at once. */
    record TcpPort(int guestPort) implements Readiness {
        public TcpPort {
            InvalidSpecException.require(guestPort >= 1 && guestPort <= 65535, "ready-port", "1 to 65535",
                    guestPort);
        }
    }
}
