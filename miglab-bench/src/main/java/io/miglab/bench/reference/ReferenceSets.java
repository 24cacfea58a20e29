package io.miglab.bench.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.miglab.core.error.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reference sets shipped with miglab, as JSON resources under {@code io/miglab/bench/reference/NAME.json}, or
 * JSON files named by path. A completed run in the results store can also serve (see ResultsStore).
 */
public final class ReferenceSets {
    /**
     * The shipped reference the benchmark scores against by default: its default configuration measured on real
     * QEMU (the machine, QEMU version and date are in the set's description and provenance).
     */
    public static final String DEFAULT = "qemu-tcg-precopy-1g";
    /** The page-level simulator's reference platform, light and heavy load; chosen by name. */
    public static final String SIMULATOR = "sim-kvm-precopy-1g";
    /** Names of the shipped sets (kept in step with the resource folder). */
    public static final List<String> SHIPPED = List.of(DEFAULT, SIMULATOR);

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReferenceSets() { }

    /** A shipped set by name, or a JSON file when {@code name} ends in {@code .json}. */
    public static Optional<ReferenceSet> find(String name) {
        InvalidSpecException.require(name != null && !name.isBlank(), "reference", "a reference name", name);
        try {
            if (name.endsWith(".json")) {
                Path p = Path.of(name);
                if (!Files.isRegularFile(p)) return Optional.empty();
                try {
                    return Optional.of(JSON.readValue(p.toFile(), ReferenceSet.class));
                } catch (IOException e) {
                    throw new InvalidSpecException("reference", "a reference set as written by miglab (a JSON "
                            + "object with name, description, provenance and entries; docs/bench.md)",
                            "'" + name + "', which is not one");
                }
            }
            if (!name.matches("[A-Za-z0-9._-]+")) return Optional.empty();
            try (InputStream in = ReferenceSets.class.getResourceAsStream("/io/miglab/bench/reference/" + name
                    + ".json")) {
                if (in == null) return Optional.empty();
                return Optional.of(JSON.readValue(in, ReferenceSet.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference " + name, e);
        }
    }

    public static void write(ReferenceSet set, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), set);
    }
}
