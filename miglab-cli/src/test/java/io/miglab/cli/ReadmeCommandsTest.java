package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./miglab ...} line in a code block of README.md runs as written and exits 0. Keeps the README honest:
 * a renamed flag or a moved example file breaks this test, not a new user. The commands run in order in a scratch
 * folder that holds the repository's {@code examples/} (a link), with the JVM's temporary folder inside it, so
 * what they write (README outputs are relative paths) goes away with the test.
 */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        List<String> commands = List.copyOf(new java.util.LinkedHashSet<>(readmeCommands(Files.readAllLines(ROOT.resolve("README.md")))));
        assertThat(commands).as("README commands").hasSizeGreaterThanOrEqualTo(5);
        // a fixed absolute output (it was /tmp/miglab-sweep and the like) outlives every run of the suite
        assertThat(commands).as("README commands writing outside their working folder")
                .noneMatch(c -> c.matches(".*(--out|--db)\\s+/.*"));
        return commands.stream().map(c -> DynamicTest.dynamicTest(c, () -> run(c)));
    }

    /** Lines in ``` blocks that start with ./miglab, except the test command itself (it would recurse). */
    static List<String> readmeCommands(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && t.startsWith("./miglab ") && !t.equals("./miglab test")) out.add(t);
        }
        return out;
    }

    private static void run(String command) throws Exception {
        if (command.contains("--backend qemu") || command.contains("--backend libvirt")) RealQemuGuest.require();
        if (!Files.exists(work.resolve("examples"))) {
            Files.createSymbolicLink(work.resolve("examples"), ROOT.resolve("examples"));
            Files.createDirectories(work.resolve("tmp"));
        }
        List<String> argv = new ArrayList<>(List.of("java", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-cp", System.getProperty("java.class.path")));
        Path guest = ROOT.resolve(".miglab/guest");
        if (Files.exists(guest.resolve("env"))) argv.add("-Dmiglab.guest.dir=" + guest);
        argv.add(Main.class.getName());
        argv.addAll(List.of(command.substring("./miglab ".length()).trim().split("\\s+")));
        Path log = Files.createTempFile(work.resolve("tmp"), "readme-command", ".log");
        Process p = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(done).as("finished: " + command).isTrue();
        assertThat(p.exitValue()).as(command + "\n" + output).isZero();
        assertThat(output).as("output of " + command).isNotBlank();
    }
}
