package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.cli.spec.Setting.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flag table of docs/cli.md, made from {@link Settings}: it stands between {@link #BEGIN} and {@link #END}
 * there, and {@code SettingsDocTest} fails when the two differ (regenerate with {@code -Dsettings.update=true}).
 */
public final class SettingsDoc {
    public static final String BEGIN = "<!-- settings:begin (generated from io.miglab.cli.spec.Settings) -->";
    public static final String END = "<!-- settings:end -->";

    private SettingsDoc() { }

    /** {@code doc} with the text between the markers replaced by {@link #table()}. */
    public static String replaceIn(String doc) {
        int from = doc.indexOf(BEGIN), to = doc.indexOf(END);
        if (from < 0 || to < from) throw new IllegalArgumentException("no " + BEGIN + " ... " + END + " markers");
        return doc.substring(0, from + BEGIN.length()) + "\n" + table() + doc.substring(to);
    }

    public static String table() {
        StringBuilder out = new StringBuilder();
        out.append(row("flag", "value", "default", "where", "datacenter scenario", "meaning"));
        out.append("|---|---|---|---|---|---|\n");
        String group = "";
        for (Setting s : Settings.ALL) {
            if (!s.group().equals(group)) {
                group = s.group();
                out.append(row("**" + group + "**", "", "", "", "", ""));
            }
            out.append(row(flag(s), value(s), dflt(s), where(s), s.datacenter() == null ? "" : "`" + s.datacenter()
                    + "`", cell(s.note() == null ? s.help() : s.help() + " " + s.note())));
        }
        return out.toString();
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("|");
        for (String c : cells) r.append(c.isEmpty() ? " |" : " " + c + " |");
        return r.append('\n').toString();
    }

    private static String flag(Setting s) {
        return s.type() == Type.BOOLEAN ? "`" + s.flag() + "` / `--no-" + s.name() + "`" : "`" + s.flag() + "`";
    }

    private static String value(Setting s) {
        String v = switch (s.type()) {
            case BOOLEAN -> "";
            case CHOICE -> "`" + String.join("`, `", s.label().split("\\|")) + "`";
            case INTEGER, NUMBER -> s.label().equals("N") ? s.type().word : s.label().toLowerCase(Locale.ROOT);
            default -> s.type().word;
        };
        return s.range() == null ? v : v + " " + s.range();
    }

    private static String dflt(Setting s) {
        String d = shown(s.dflt());
        Default bench = s.as(Use.BENCH).dflt();
        if (s.takenBy(Use.BENCH) && bench.shown() != null && !bench.equals(s.dflt())) {
            d += " (bench: " + shown(bench) + ")";
        }
        return d;
    }

    private static String shown(Default d) {
        if (d.shown() == null) return "";
        return d.value() != null ? "`" + d.shown() + "`" : cell(d.shown());
    }

    private static String where(Setting s) {
        List<String> w = new ArrayList<>();
        if (s.uses().containsAll(Use.RUNS)) w.add("run");
        else for (Use u : Use.RUNS) if (s.takenBy(u)) w.add(u.label);
        if (s.takenBy(Use.SCENARIO_FILE)) w.add("file");
        if (s.takenBy(Use.BENCH)) w.add("bench");
        if (s.takenBy(Use.NETLAB)) w.add(Use.NETLAB.label);
        return String.join(", ", w);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
