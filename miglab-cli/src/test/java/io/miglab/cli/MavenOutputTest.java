package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build the miglab script runs prints no terminal escape codes. */
class MavenOutputTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    // Guards against the stray colour resets (ESC[0m ESC[0m) that Maven's console library printed at the end of
    // every quiet build, even in batch mode, into ./miglab's stderr and piped output.
    @Test
    void aQuietBatchBuild_printsNoEscapeCodes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out"), err = tmp.resolve("err");
        Process p = new ProcessBuilder(List.of("mvn", "-q", "-B", "-o", "-N", "validate")).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("\u001b");
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("\u001b");
    }
}
