package io.miglab.cli;

import io.miglab.cli.spec.Settings;
import io.miglab.core.algorithm.AlgorithmRegistry;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

/**
 * The help text known only at run time, given to picocli as a resource bundle: the {@code --algorithm} description
 * lists the registry's names, so an algorithm added to the registry shows up in every command's help. Everything
 * else in the flags' help (defaults included) comes from {@code io.miglab.cli.spec.Settings}.
 */
final class DynamicHelp {
    private DynamicHelp() { }

    static ResourceBundle bundle(AlgorithmRegistry registry) {
        Object[][] contents = {
                {"algorithm", Settings.get("algorithm").helpLine("Migration algorithm, one of: "
                        + String.join(", ", registry.names()) + ".")},
        };
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }
}
