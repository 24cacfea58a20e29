package io.miglab.bench.host;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.miglab.core.error.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load on the source host during a measurement (Virt-LM's host-load scenarios).
 *
 * @param backgroundVms guests running cpuburn next to the measured VM on the source host
 */
public enum HostLoad {
    /** The measured VM alone. */
    LIGHT(0),
    /** Two background VMs burning CPU on the source host. */
    HEAVY(2);

    private final int backgroundVms;

    HostLoad(int backgroundVms) {
        this.backgroundVms = backgroundVms;
    }

    public int backgroundVms() { return backgroundVms; }

    @JsonValue
    public String label() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static HostLoad parse(String text) {
        for (HostLoad h : values()) if (h.label().equals(text == null ? "" : text.trim())) return h;
        throw new InvalidSpecException("host-load", "light or heavy", text);
    }

    /** Parses {@code light}, {@code heavy}, {@code light,heavy}. */
    public static List<HostLoad> parseList(String csv) {
        InvalidSpecException.require(csv != null && !csv.isBlank(), "host-load", "light, heavy or light,heavy",
                "nothing");
        List<HostLoad> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            HostLoad h = parse(part);
            InvalidSpecException.require(!out.contains(h), "host-load", "each load once", part.trim());
            out.add(h);
        }
        return List.copyOf(out);
    }
}
