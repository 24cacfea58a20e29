package io.miglab.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezes the CLI's output: every case of {@code src/test/resources/golden/cases.txt} runs {@code Main} in-process
 * and its stdout must equal {@code NAME.txt} byte for byte. Guards against any unintended change of a figure, a
 * field name or a layout while the code beneath is reshaped. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and explain the diff in the commit.
 */
class GoldenOutputTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    record Case(String name, List<String> args) { }

    @TempDir
    Path tmp;

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            List<String> words = Arrays.asList(t.split("\\s+"));
            cases.add(new Case(words.get(0), words.subList(1, words.size())));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyCase_printsItsGoldenOutput() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Path out = Files.createDirectories(tmp.resolve(c.name()));
        String[] args = c.args().stream().map(a -> a.replace("{out}", out.toString())).toArray(String[]::new);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", c.name(), run.err()).isZero();
        assertThat(run.err()).as("stderr of %s", c.name()).isEmpty();
        String actual = run.out().replace(out.toString(), "<out>");
        Path golden = DIR.resolve(c.name() + ".txt");
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file of %s (generate with -Dgolden.update=true)", c.name()).exists();
        byte[] expected = Files.readAllBytes(golden);
        if (!Arrays.equals(expected, actual.getBytes(StandardCharsets.UTF_8))) {
            assertThat(actual).as("output of %s (%s)", c.name(), String.join(" ", c.args()))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual.getBytes(StandardCharsets.UTF_8)).as("bytes of %s", c.name()).isEqualTo(expected);
        }
    }

    // Guards the index itself: a duplicate name would let one case overwrite another's file, and a golden file
    // without a case would be a frozen output that nothing checks any more.
    @Test
    void caseNamesAreUnique_andEveryGoldenFileHasACase() throws IOException {
        Set<String> names = new HashSet<>();
        for (Case c : cases()) assertThat(names.add(c.name())).as("duplicate case %s", c.name()).isTrue();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> orphans = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
                    .filter(f -> !f.equals("cases.txt"))
                    .filter(f -> !names.contains(f.substring(0, f.length() - 4))).toList();
            assertThat(orphans).as("golden files without a case").isEmpty();
        }
    }
}
