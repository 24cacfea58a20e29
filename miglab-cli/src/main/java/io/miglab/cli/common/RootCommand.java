package io.miglab.cli.common;

import io.miglab.core.algorithm.AlgorithmRegistry;

/**
 * What a subcommand may ask of the {@code miglab} command above it, through {@code @ParentCommand RootCommand
 * root}: the shared state. Subcommands see this interface, not {@code Main}, so that {@code Main} (which lists
 * them) and they do not depend on each other.
 */
public interface RootCommand {
    /** The algorithms every command offers (tests register their own). */
    AlgorithmRegistry registry();
}
