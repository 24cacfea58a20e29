package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code miglab predict --batch FILE}: one prediction per input line, the same as one {@code predict} each. */
class PredictBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // Guards against a batch line being read differently from the same flags (a lost column, a base flag that a
    // line does not override, rows out of order).
    @Test
    void threeLines_giveTheNumbersOfThreeSinglePredictions() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "memory,--dirty-rate,bandwidth,write-model,working-set\n"
                + "1G,20000,1Gbit/s,,\n"
                + "\n"
                + "4G,5000,10Gbit/s,sweep,1G\n"
                + "256M,0,100MB/s,,\n");
        Path jsonLines = Files.writeString(dir.resolve("in.jsonl"), "{\"memory\": \"1G\", \"dirty-rate\": 20000, "
                + "\"bandwidth\": \"1Gbit/s\"}\n{\"memory\": \"4G\", \"dirty-rate\": \"5000\", \"bandwidth\": "
                + "\"10Gbit/s\", \"write-model\": \"sweep\", \"working-set\": \"1G\"}\n{\"memory\": \"256M\", \"dirty-rate\": 0, "
                + "\"bandwidth\": \"100MB/s\"}\n");
        List<List<String>> singles = List.of(
                List.of("--memory", "1G", "--dirty-rate", "20000", "--bandwidth", "1Gbit/s"),
                List.of("--memory", "4G", "--dirty-rate", "5000", "--bandwidth", "10Gbit/s", "--write-model", "sweep",
                        "--working-set", "1G"),
                List.of("--memory", "256M", "--dirty-rate", "0", "--bandwidth", "100MB/s"));
        // every line takes the command line's --downtime-limit and --seed, as a single run would
        List<String> base = List.of("--downtime-limit", "100ms", "--seed", "7");
        for (Path input : List.of(csv, jsonLines)) {
            Cli.Run batch = Cli.run(Stream.concat(Stream.of("predict", "--batch", input.toString(), "--json"),
                    base.stream()).toArray(String[]::new));
            assertThat(batch.exitCode()).as(batch.err()).isZero();
            List<String> rows = batch.out().lines().toList();
            assertThat(rows).hasSize(3);
            for (int i = 0; i < 3; i++) {
                Cli.Run one = Cli.run(Stream.of(Stream.of("predict", "--json"), singles.get(i).stream(), base.stream())
                        .flatMap(s -> s).toArray(String[]::new));
                assertThat(one.exitCode()).as(one.err()).isZero();
                assertThat(JSON.readTree(rows.get(i))).as("line %d of %s", i + 1, input.getFileName())
                        .isEqualTo(JSON.readTree(one.out()));
            }
        }
        // CSV out: a header, then one row per line, the single run's CSV row
        Cli.Run csvOut = Cli.run("predict", "--batch", csv.toString(), "--downtime-limit", "100ms", "--seed", "7");
        List<String> lines = csvOut.out().lines().toList();
        Cli.Run oneCsv = Cli.run("predict", "--csv", "--memory", "256M", "--dirty-rate", "0", "--bandwidth",
                "100MB/s", "--downtime-limit", "100ms", "--seed", "7");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0) + "\n" + lines.get(3) + "\n").isEqualTo(oneCsv.out());
    }

    // Guards the two ways CSV lines are read (split at commas until the first quote, then a CSV reader): quoted
    // cells, a trailing empty cell, CRLF and blank lines give the rows of the plain file, and a bad line after a
    // cell over two lines is named by its line in the file.
    @Test
    void quotedCells_afterPlainLines_giveThePlainRows_andTheFileLineNumbers() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "memory,dirty-rate,bandwidth\n1G,20000,\n\n"
                + "2G,5000,1Gbit/s\n1G,20000,\n4G,100,1Gbit/s\n");
        Path quoted = Files.writeString(dir.resolve("quoted.csv"), "memory,dirty-rate,bandwidth\r\n1G,20000,\r\n\r\n"
                + "\"2G\",5000,1Gbit/s\n1G,\"20000\",\n\"4G\",100,\"1Gbit/s\"\n");
        Cli.Run a = Cli.run("predict", "--batch", plain.toString());
        Cli.Run b = Cli.run("predict", "--batch", quoted.toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(a.out().lines()).hasSize(5);
        Path bad = Files.writeString(dir.resolve("bad-quoted.csv"), "memory,dirty-rate,zero-pages\n1G,20000,0\n"
                + "\"2G\",5000,\"0\n\"\n1G,fast,0\n");
        Cli.Run run = Cli.run("predict", "--batch", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 5:").contains("dirty-rate").contains("fast");
    }

    // Guards against a partial output: a bad line must leave no file (and no temporary file) behind.
    @Test
    void badLine_exits2_namingLineAndField_andWritesNothing() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "memory,dirty-rate\n1G,20000\n2G,5000\n1G,fast\n");
        Path out = dir.resolve("out.csv");
        Cli.Run run = Cli.run("predict", "--batch", csv.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("line 4").contains("dirty-rate").contains("fast");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.csv");
        }
        Cli.Run toStdout = Cli.run("predict", "--batch", csv.toString());
        assertThat(toStdout.exitCode()).isEqualTo(2);
        assertThat(toStdout.out()).isEmpty();
        Path unknown = Files.writeString(dir.resolve("unknown.jsonl"), "{\"memory\": \"1G\"}\n{\"memroy\": \"1G\"}\n");
        Cli.Run typo = Cli.run("predict", "--batch", unknown.toString(), "--json");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("line 2").contains("memroy");
        assertThat(typo.out()).isEmpty();
    }

    // Guards against --out being written when every line is good but in another place or format.
    @Test
    void out_receivesTheRows() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "memory\n1G\n2G\n");
        Path out = dir.resolve("rows.csv");
        Cli.Run run = Cli.run("predict", "--batch", csv.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("backend,algorithm,");
        assertThat(rows.get(2)).startsWith("closed-form,precopy,");
    }

    // Guards the batch's fast path (a spec built once per distinct line, texts kept, cells written without
    // String.format) against giving other figures than the ordinary path: every row of a batch of varied, partly
    // repeated lines must be the CSV row of a single `predict` with the same flags.
    @Test
    void variedRepeatedLines_giveTheRowsOfSinglePredictions() throws Exception {
        String[] memories = {"256M", "1G", "4G"};
        String[] rates = {"0", "2441.5", "20000", "12345.678"};
        String[] bandwidths = {"100MB/s", "1Gbit/s", "250MiB/s"};
        String[] models = {"", "uniform", "sweep", "working-set"};
        String[] algorithms = {"", "stop-and-copy", "postcopy", "hybrid"};
        String[] limits = {"", "30ms", "1s"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        StringBuilder csv = new StringBuilder("memory,dirty-rate,bandwidth,write-model,working-set,algorithm,"
                + "downtime-limit\n");
        List<List<String>> flags = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String[] cells = {memories[random.nextInt(3)], rates[random.nextInt(4)], bandwidths[random.nextInt(3)],
                    models[random.nextInt(4)], "", algorithms[random.nextInt(4)], limits[random.nextInt(3)]};
            if (cells[3].equals("sweep") || cells[3].equals("working-set")) cells[4] = "128M";
            csv.append(String.join(",", cells)).append('\n');
            List<String> one = new java.util.ArrayList<>(List.of("predict", "--csv", "--seed", "3"));
            String[] names = {"memory", "dirty-rate", "bandwidth", "write-model", "working-set", "algorithm",
                    "downtime-limit"};
            for (int k = 0; k < names.length; k++) {
                if (!cells[k].isEmpty()) one.addAll(List.of("--" + names[k], cells[k]));
            }
            flags.add(one);
        }
        String text = csv.toString();
        Path input = Files.writeString(dir.resolve("varied.csv"), text + text.substring(text.indexOf('\n') + 1));
        Cli.Run batch = Cli.run("predict", "--batch", input.toString(), "--seed", "3");
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        List<String> rows = batch.out().lines().toList();
        assertThat(rows).hasSize(1 + 2 * flags.size());
        for (int i = 0; i < flags.size(); i++) {
            Cli.Run one = Cli.run(flags.get(i).toArray(String[]::new));
            assertThat(one.exitCode()).as(one.err()).isZero();
            List<String> single = one.out().lines().toList();
            assertThat(rows.get(0)).isEqualTo(single.get(0));
            assertThat(rows.get(1 + i)).as("line %d: %s", i + 2, flags.get(i)).isEqualTo(single.get(1));
            assertThat(rows.get(1 + flags.size() + i)).as("repeat of line %d", i + 2).isEqualTo(single.get(1));
        }
    }

    // Guards the spec kept for a line: a bad line after good lines with the same other settings (so after the kept
    // specs are warm) must fail as a single `predict` with its flags fails, with its line number in front.
    @Test
    void badLinesAfterKeptSpecs_failAsASinglePredictFails() throws Exception {
        List<List<String>> bad = List.of(List.of("1G", "fast", "", ""), List.of("1G", "20000", "precopy", "2s"),
                List.of("5Q", "20000", "", ""), List.of("1G", "20000", "warp", ""));
        for (List<String> cells : bad) {
            Path input = Files.writeString(dir.resolve("bad.csv"), "memory,dirty-rate,algorithm,switch-after\n"
                    + "1G,20000,,\n1G,20000,,\n1G,20000,hybrid,2s\n" + String.join(",", cells) + "\n");
            Cli.Run batch = Cli.run("predict", "--batch", input.toString());
            List<String> one = new java.util.ArrayList<>(List.of("predict", "--memory", cells.get(0), "--dirty-rate",
                    cells.get(1)));
            if (!cells.get(2).isEmpty()) one.addAll(List.of("--algorithm", cells.get(2)));
            if (!cells.get(3).isEmpty()) one.addAll(List.of("--switch-after", cells.get(3)));
            Cli.Run single = Cli.run(one.toArray(String[]::new));
            assertThat(single.exitCode()).isEqualTo(2);
            assertThat(batch.exitCode()).as("%s", cells).isEqualTo(2);
            assertThat(batch.out()).isEmpty();
            assertThat(batch.err()).as("%s", cells).isEqualTo(single.err().replace("miglab: ",
                    "miglab: batch " + input + " line 5: "));
        }
    }
}
