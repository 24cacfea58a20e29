package io.miglab.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output folder ({@code --out}) before anything runs, so that a run is not lost at its end to a path that
 * cannot be written: it must be a folder or not exist yet, under a folder miglab may write in. Nothing is created.
 */
public final class OutputFolder {
    private OutputFolder() { }

    /** Returns {@code dir} if it can hold the outputs; otherwise a one-line error naming {@code field}. */
    public static Path check(String field, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException(field + ": a folder to write into (got '" + dir + "', an existing file)");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            throw new BadInputException(field + ": a folder path (got '" + dir + "'; '" + existing
                    + "' is a file)");
        }
        if (!Files.isWritable(existing)) {
            throw new BadInputException(field + ": a folder miglab may write in (got '" + dir + "'; '" + existing
                    + "' is not writable)");
        }
        return dir;
    }
}
