package io.miglab.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import io.miglab.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command, fed bad input from {@link BadInputCorpus}, exits 2 with exactly one line on stderr that shows no
 * Java internals (class names, Duration or Optional text, stack traces), prints nothing on stdout, and writes
 * nothing into the case's own temporary folder (its --out and --db point there).
 */
class FuzzBadInputTest {
    private static final List<String> INTERNALS = List.of("java.", "io.miglab", "org.", "com.fasterxml",
            "Exception", "PT0", "Optional", "\tat ");

    // Guards the corpus itself: it covers every command and stays large.
    @Test
    void corpus_coversEveryCommand() {
        List<BadInputCorpus.Case> all = BadInputCorpus.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        Set<String> commands = all.stream().map(c -> c.args().get(0)).collect(Collectors.toSet());
        assertThat(commands).contains("simulate", "predict", "sweep", "migrate", "bench", "report", "datacenter",
                "demo");
    }

    @TestFactory
    Stream<DynamicTest> badInput_isOneLine_exit2_nothingWritten() {
        return BadInputCorpus.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(BadInputCorpus.Case c) throws IOException {
        Path dir = Files.createTempDirectory("miglab-fuzz-");
        try {
            for (Map.Entry<String, String> f : c.files().entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
            Set<Path> before = tree(dir);
            String[] args = c.args().stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
            Cli.Run run = Cli.run(args);
            assertThat(run.exitCode()).as("exit code; stderr: " + run.err() + "; stdout: " + run.out())
                    .isEqualTo(Main.BAD_INPUT);
            assertThat(run.errLines()).as("stderr").hasSize(1);
            assertThat(run.err()).as("stderr").startsWith("miglab: ");
            for (String s : INTERNALS) assertThat(run.err()).as("stderr").doesNotContain(s);
            assertThat(run.out()).as("stdout").isEmpty();
            assertThat(tree(dir)).as("files after the run").isEqualTo(before);
        } finally {
            delete(dir);
        }
    }

    private static Set<Path> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(dir::relativize).collect(Collectors.toSet());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
