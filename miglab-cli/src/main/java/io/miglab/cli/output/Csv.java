package io.miglab.cli.output;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
public final class Csv {
    private Csv() { }

    public static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(","));
    }
}
