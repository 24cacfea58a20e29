package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md's flag table is {@link SettingsDoc#table()}: a setting added, renamed or given another default in
 * {@link Settings} without the docs following fails here. Regenerate with {@code -Dsettings.update=true}.
 */
class SettingsDocTest {
    static final Path DOC = Path.of("../docs/cli.md");

    // Guards against the docs' flag table drifting from the flags (the table used to be written by hand and
    // had lost --hypervisor, --profiles, --paced and --catch-up).
    @Test
    void cliDoc_holdsTheGeneratedTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = SettingsDoc.replaceIn(doc);
        if (Boolean.getBoolean("settings.update")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc).as("docs/cli.md's flag table (regenerate with -Dsettings.update=true)").isEqualTo(generated);
    }

    // Guards the table's form: one row per setting under its group, and switches shown with their --no- form.
    @Test
    void table_hasARowPerSetting() {
        String table = SettingsDoc.table();
        for (Setting s : Settings.ALL) assertThat(table).contains("| `" + s.flag() + "`");
        assertThat(table).contains("| `--xbzrle` / `--no-xbzrle` | | `off` |")
                .contains("| `--timeout` | duration | `1h` (bench: `1m`) | run, file, bench | `profiles[].timeout` |")
                .contains("| `--policy` | `qemu`, `xen`, `custom` | `qemu` |")
                .contains("| **guest memory** | | | | | |");
    }
}
