package io.miglab.cli.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.miglab.cli.common.BadInputException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario file: a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) mapping whose keys are the
 * flag names without dashes ({@code memory: 4G}, {@code dirty-rate: 5000}) plus an optional {@code description}.
 * Values are kept as text and parsed like flags, so a wrong value is reported the same way, with the file named.
 * A relative {@code trace:FILE} in {@code write-model} is resolved against the scenario file's folder.
 */
public final class ScenarioReader {
    public static final String DESCRIPTION = "description";
    /** The settings a scenario file may hold ({@link Settings}, those taken in a scenario file). */
    private static final List<String> KEYS = Settings.scenarioKeys();

    private ScenarioReader() { }

    public static ScenarioValues read(Path file) {
        String name = file.toString();
        ObjectMapper mapper = mapperFor(file);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException("scenario: cannot read '" + name + "' (no such file)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException("scenario " + name + ": not valid " + format(file) + where + ": "
                    + problem(e), e);
        } catch (IOException e) {
            throw new BadInputException("scenario: cannot read '" + name + "' (" + e.getMessage() + ")", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new BadInputException("scenario " + name + ": a mapping with at least one key (got an empty file)");
        }
        if (root.isObject() && root.isEmpty()) {
            throw new BadInputException("scenario " + name + ": a mapping with at least one key (got an empty "
                    + "mapping)");
        }
        if (root.isObject() && root.size() == 1 && root.has(DESCRIPTION)) {
            throw new BadInputException("scenario " + name + ": a mapping with at least one key besides "
                    + DESCRIPTION + " (got only a " + DESCRIPTION + ")");
        }
        if (!root.isObject()) {
            throw new BadInputException("scenario " + name + ": a mapping of flag names to values (got a "
                    + kind(root) + ")");
        }
        String origin = "scenario " + name;
        ScenarioValues values = ScenarioValues.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(DESCRIPTION)) continue;
            if (!KEYS.contains(key)) {
                throw new BadInputException(key + ": not a scenario field (in " + name + ")" + suggestion(key)
                        + "; the fields are the flag names without dashes, e.g. memory, dirty-rate");
            }
            if (value.isNull()) throw new BadInputException(key + ": a value (got nothing) in " + name);
            if (value.isContainerNode()) {
                throw new BadInputException(key + ": a single value (got a " + kind(value) + ") in " + name);
            }
            String text = value.asText();
            if (key.equals("write-model")) text = resolveTraces(text, file);
            values = values.with(key, text, origin);
        }
        return values;
    }

    /** The parser's complaint without Java class names. */
    private static String problem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException) return "not UTF-8 text";
        }
        String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        if (first.startsWith("Trailing token")) return "more text after the end of the mapping";
        if (first.contains("java.") || first.contains("Exception")) return "unreadable text";
        return first;
    }

    private static ObjectMapper mapperFor(Path file) {
        String f = format(file);
        if (f.equals("YAML")) return new ObjectMapper(new YAMLFactory());
        if (f.equals("JSON")) return new ObjectMapper();
        throw new BadInputException("scenario: a .yaml, .yml or .json file (got '" + file + "')");
    }

    private static String format(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) return "YAML";
        if (n.endsWith(".json")) return "JSON";
        return "?";
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) return "list";
        return node.isObject() ? "mapping" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** {@code trace:x.trace} in {@code scenarios/a.yaml} means {@code scenarios/x.trace}. */
    static String resolveTraces(String model, Path scenario) {
        Path dir = scenario.toAbsolutePath().getParent();
        StringBuilder out = new StringBuilder();
        for (String part : model.split("\\+", -1)) {
            if (out.length() > 0) out.append('+');
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("trace:")) {
                String f = p.substring("trace:".length()).trim();
                Path path = Path.of(f);
                if (!f.isEmpty() && !path.isAbsolute() && dir != null) p = "trace:" + dir.resolve(path).normalize();
            }
            out.append(p);
        }
        return out.toString();
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (String k : KEYS) {
            int d = distance(key.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
