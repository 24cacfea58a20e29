package io.miglab.cli.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.miglab.cli.common.BadInputException;
import io.miglab.cli.spec.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The input lines of {@code predict --batch}, read one at a time (constant memory): CSV whose header names
 * settings by their flag names ({@code memory,dirty-rate,bandwidth}, dashes in front allowed), or JSON lines (one
 * object per line, keys the same names). The format is told by the first character that is not blank: {@code {}
 * for JSON lines. Blank lines are skipped; an empty CSV cell leaves the setting as the command line has it.
 */
final class BatchRows {
    /**
     * One input line: its number in the file (from 1), what tells its settings apart from another line's
     * ({@code key}: equal keys, equal settings; cheaper to hash and compare than the settings), and its settings as
     * text keyed by flag name, made when asked.
     */
    record Row(long line, Object key, Supplier<Map<String, String>> values) { }

    interface RowAction {
        void accept(Row row) throws IOException;
    }

    private static final Set<String> KEYS = Set.copyOf(Settings.scenarioKeys());
    private static final ObjectReader JSON = new ObjectMapper().reader();
    private static final ObjectReader CSV = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private BatchRows() { }

    /** Calls {@code action} for each line of {@code file}, in order. */
    static void forEach(Path file, RowAction action) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1 << 16);
            int c;
            do c = in.read(); while (c >= 0 && Character.isWhitespace(c));
            in.reset();
            if (c == '{') jsonLines(file, in, action);
            else csv(file, in, action);
        } catch (NoSuchFileException e) {
            throw new BadInputException("batch: cannot read '" + file + "' (no such file)");
        }
    }

    private static void jsonLines(Path file, BufferedReader in, RowAction action) throws IOException {
        long number = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (text.isBlank()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw bad(file, number, "a JSON object of settings on one line (got unreadable JSON)");
            }
            if (node == null || !node.isObject()) throw bad(file, number, "a JSON object of settings on one line");
            Map<String, String> values = new LinkedHashMap<>();
            List<String> pairs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = key(file, number, f.getKey());
                if (f.getValue().isNull()) continue;
                if (f.getValue().isContainerNode()) throw bad(file, number, key + ": a single value");
                values.put(key, f.getValue().asText());
                pairs.add(key);
                pairs.add(f.getValue().asText());
            }
            action.accept(new Row(number, pairs, () -> values));
        }
    }

    /**
     * CSV lines. A line without a quote is split at its commas, which is what a CSV reader makes of it (no quoting,
     * no escapes, nothing trimmed), and its text is its key: the cells are split again only when its spec is built.
     * From the first line with a quote on, Jackson's CSV reader reads the rest (quoted cells may hold commas and
     * line breaks).
     */
    private static void csv(Path file, BufferedReader in, RowAction action) throws IOException {
        List<String> header = null;
        long number = 0;
        for (String next = in.readLine(); next != null; next = in.readLine()) {
            String text = next;
            number++;
            if (text.indexOf('"') >= 0) {
                PushbackReader rest = new PushbackReader(in, text.length() + 1);
                rest.unread((text + "\n").toCharArray());
                quoted(file, rest, number - 1, header, action);
                return;
            }
            if (text.isBlank()) continue;
            if (header == null) {
                header = header(file, number, split(text));
                continue;
            }
            action.accept(row(file, number, header, text, () -> split(text)));
        }
        if (header == null) throw bad(file, 1, "a header line naming settings, e.g. memory,dirty-rate");
    }

    /** The rest of the CSV by Jackson's reader; its line numbers are {@code skipped} behind the file's. */
    private static void quoted(Path file, Reader in, long skipped, List<String> header, RowAction action)
            throws IOException {
        MappingIterator<String[]> rows = CSV.readValues(in);
        while (true) {
            String[] cells;
            try {
                if (!rows.hasNext()) break;
                cells = rows.next();
            } catch (RuntimeException e) {
                throw bad(file, skipped + rows.getParser().currentLocation().getLineNr(),
                        "CSV cells (got unreadable CSV)");
            }
            long number = skipped + rows.getParser().getTokenLocation().getLineNr();
            if (cells.length == 0 || cells.length == 1 && cells[0].isBlank()) continue;
            if (header == null) {
                header = header(file, number, cells);
                continue;
            }
            action.accept(row(file, number, header, Arrays.asList(cells), () -> cells));
        }
        if (header == null) throw bad(file, 1, "a header line naming settings, e.g. memory,dirty-rate");
    }

    private static List<String> header(Path file, long number, String[] cells) {
        List<String> header = new ArrayList<>();
        for (String h : cells) header.add(key(file, number, h));
        return header;
    }

    /**
     * A line under {@code header}: its cells tell its settings (a blank cell: the setting is not given), so equal
     * {@code key}s give equal settings; a line with more cells than the header fails when its settings are read.
     */
    private static Row row(Path file, long number, List<String> header, Object key, Supplier<String[]> split) {
        return new Row(number, key, () -> {
            String[] cells = split.get();
            if (cells.length > header.size()) {
                throw bad(file, number, "at most " + header.size() + " cells, one per header column (got "
                        + cells.length + ")");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) if (!cells[i].isBlank()) values.put(header.get(i), cells[i]);
            return values;
        });
    }

    /** The cells of a line without quotes: the texts between its commas, empty ones included. */
    private static String[] split(String text) {
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', from)) {
            cells.add(text.substring(from, comma));
            from = comma + 1;
        }
        cells.add(text.substring(from));
        return cells.toArray(String[]::new);
    }

    private static String key(Path file, long line, String name) {
        String key = name.trim();
        while (key.startsWith("-")) key = key.substring(1);
        if (!KEYS.contains(key)) {
            throw bad(file, line, "'" + name.trim() + "' is not a setting; columns are flag names such as memory, "
                    + "dirty-rate, bandwidth");
        }
        return key;
    }

    static BadInputException bad(Path file, long line, String what) {
        return new BadInputException("batch " + file + " line " + line + ": " + what);
    }
}
