package io.miglab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table's layout, against the regular expression and the padding it was first written with. */
class TextTableTest {
    private static final Pattern NUMERIC = Pattern.compile("^[-+]?[0-9][0-9.,]*(\\s.*)?$|^[=]?$|^n/a$");
    private static final String ALPHABET = "0123456789+-.,= \t\n\r\u000B\f\u0085\u2028an/x%";

    // Guards the hand-written number test against the regular expression it replaces (alignment of every table).
    @Test
    void numeric_isWhatTheRegularExpressionMatches() {
        Random random = new Random(12);
        List<String> cells = new ArrayList<>(List.of("", "=", "n/a", "n/a ", "12", "-1.5", "+3", "1,000.5 ms",
                "12 %\n", "12\n", "12 a\nb", "- 1", "1e5", "=\n", " 12", "12\t"));
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(7);
            for (int k = 0; k < n; k++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            cells.add(s.toString());
        }
        for (String c : cells) assertThat(TextTable.numeric(c)).as("'%s'", c).isEqualTo(NUMERIC.matcher(c).matches());
    }

    // Guards the layout: widths, alignment by column, the rule, trailing blanks removed, more than one chunk.
    @Test
    void print_laysOutAsBefore() {
        TextTable t = new TextTable("name", "value", "note");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String[] r = {"row " + i, i % 3 == 0 ? "n/a" : Integer.toString(i * 7), i % 5 == 0 ? "" : "x "};
            rows.add(r);
            t.row((Object[]) r);
        }
        StringWriter got = new StringWriter();
        t.print(new PrintWriter(got));
        StringWriter want = new StringWriter();
        PrintWriter w = new PrintWriter(want);
        int[] width = {4, 5, 4};
        for (String[] r : rows) for (int i = 0; i < 3; i++) width[i] = Math.max(width[i], r[i].length());
        w.println(line(new String[] {"name", "value", "note"}, width));
        w.println("-".repeat(width[0]) + "  " + "-".repeat(width[1]) + "  " + "-".repeat(width[2]));
        for (String[] r : rows) w.println(line(r, width));
        w.flush();
        assertThat(got.toString()).isEqualTo(want.toString());
    }

    /** First column left, the numeric second right, the text third left (and last: not padded). */
    private static String line(String[] c, int[] width) {
        String s = c[0] + " ".repeat(width[0] - c[0].length()) + "  " + " ".repeat(width[1] - c[1].length()) + c[1]
                + "  " + c[2];
        return s.stripTrailing();
    }
}
