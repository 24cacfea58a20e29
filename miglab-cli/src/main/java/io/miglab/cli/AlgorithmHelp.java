package io.miglab.cli;

import io.miglab.cli.spec.SpecDefaults;
import io.miglab.core.algorithm.AlgorithmRegistry;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

/**
 * Help texts that depend on the registry: the {@code --algorithm} description lists the registered names, so an
 * algorithm added to the registry shows up in every command's help. Options opt in with
 * {@code descriptionKey = "algorithm"}.
 */
final class AlgorithmHelp {
    private AlgorithmHelp() { }

    static ResourceBundle bundle(AlgorithmRegistry registry) {
        String names = String.join(", ", registry.names());
        Object[][] contents = {
                {"algorithm", "Migration algorithm, one of: " + names + ". Default: " + SpecDefaults.ALGORITHM},
        };
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }
}
