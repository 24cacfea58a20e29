package io.miglab.cli;

import io.miglab.cli.spec.SpecDefaults;
import io.miglab.core.algorithm.AlgorithmRegistry;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

/**
 * Help texts known only at run time, given to picocli as a resource bundle: the {@code --algorithm} description
 * lists the registry's names (so an algorithm added to the registry shows up in every command's help), and the
 * defaults that core defines are shown as core has them. Options opt in with {@code descriptionKey}.
 */
final class DynamicHelp {
    private DynamicHelp() { }

    static ResourceBundle bundle(AlgorithmRegistry registry) {
        Object[][] contents = {
                {"algorithm", "Migration algorithm, one of: " + String.join(", ", registry.names())
                        + ". Default: " + SpecDefaults.ALGORITHM},
                {"downtime-limit", "Converge when the rest can be sent within this. Default: "
                        + SpecDefaults.DOWNTIME_LIMIT},
                {"catch-up", "--paced: how far behind the writer catches up (miglab's guest memwriter's backlog). "
                        + "Default: " + SpecDefaults.VALUES.get("catch-up")},
                {"timeout", "qemu and custom policies: give up iterating after this. Default: "
                        + SpecDefaults.TIMEOUT},
        };
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }
}
