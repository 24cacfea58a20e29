package io.miglab.bench.report;

import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the text Java prints for records, lists and optionals (as stored runs keep parts of their configuration)
 * into words: {@code [DowntimeBelow[limit=PT0.3S, checkedMidPass=false], Timeout[after=PT1M]]} reads "downtime
 * below (limit 300 ms, checked mid pass: no); timeout (after 60 s)", {@code Optional.empty} "none",
 * {@code 1.25E8} "125,000,000".
 */
final class RecordText {
    /** The field's words as the docs spell them. */
    private static final Map<String, String> SPELLING = Map.of("precopy", "pre-copy", "postcopy", "post-copy",
            "prepaging", "pre-paging", "xbzrle", "XBZRLE");
    private final String s;
    private int i;

    private RecordText(String s) {
        this.s = s;
    }

    static String readable(String text) {
        if (text == null) return "none";
        try {
            RecordText r = new RecordText(text.trim());
            String out = r.value(true);
            return r.i == r.s.length() ? out : atom(text.trim());
        } catch (RuntimeException e) {
            return atom(text.trim());
        }
    }

    /** {@code top}: a record's name is left out at the top (the row's label already says what it is). */
    private String value(boolean top) {
        if (s.startsWith("Optional.empty", i)) {
            i += "Optional.empty".length();
            return "none";
        }
        if (s.startsWith("Optional[", i)) {
            i += "Optional[".length();
            String v = value(false);
            expect(']');
            return v;
        }
        if (peek() == '[') {
            i++;
            List<String> items = new ArrayList<>();
            while (peek() != ']') {
                items.add(value(false));
                if (peek() == ',') i += 2;
            }
            i++;
            return items.isEmpty() ? "none" : String.join("; ", items);
        }
        int start = i;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
        if (i > start && i < s.length() && s.charAt(i) == '[' && Character.isUpperCase(s.charAt(start))) {
            String name = words(s.substring(start, i));
            i++;
            List<String> fields = new ArrayList<>();
            while (peek() != ']') {
                int eq = s.indexOf('=', i);
                String key = s.substring(i, eq);
                i = eq + 1;
                fields.add(words(key) + " " + value(false));
                if (peek() == ',') i += 2;
            }
            i++;
            String body = String.join(", ", fields);
            return top ? body : fields.isEmpty() ? name : name + " (" + body + ")";
        }
        i = start;
        while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ']') i++;
        return atom(s.substring(start, i));
    }

    private char peek() {
        if (i >= s.length()) throw new IllegalStateException("unexpected end");
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalStateException("expected " + c);
        i++;
    }

    /** One plain value: yes/no, a duration, a number without exponent, or the text itself. */
    static String atom(String a) {
        if (a.equals("true")) return "yes";
        if (a.equals("false")) return "no";
        if (a.startsWith("PT") || a.startsWith("P")) {
            try {
                return Quantity.duration(Duration.parse(a));
            } catch (DateTimeParseException e) {
                // not a duration
            }
        }
        if (a.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) return Num.sig(Double.parseDouble(a), 6);
        return a.replaceAll("^(\\d+(\\.\\d+)?)([KMGT]?i?B)$", "$1 $3");
    }

    /**
     * {@code zeroPageElision}, {@code DowntimeBelow} and {@code syncPerGiB} as words: "zero page elision",
     * "downtime below", "sync per GiB" (a unit like GiB keeps its capitals).
     */
    static String words(String camel) {
        List<String> tokens = new ArrayList<>(List.of(camel.split("(?<=[a-z0-9])(?=[A-Z])")));
        for (int k = tokens.size() - 2; k >= 0; k--) {
            if (tokens.get(k).length() <= 2 && tokens.get(k + 1).matches("[A-Z]")) {
                tokens.set(k, tokens.get(k) + tokens.remove(k + 1));
            }
        }
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            String w = t.matches("[A-Z]?[a-z0-9]*") ? t.toLowerCase(Locale.ROOT) : t;
            out.add(SPELLING.getOrDefault(w, w));
        }
        return String.join(" ", out);
    }
}
