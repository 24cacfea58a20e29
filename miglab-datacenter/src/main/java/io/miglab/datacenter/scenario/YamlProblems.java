package io.miglab.datacenter.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.CharConversionException;
import java.util.Collection;
import java.util.Map;

/** Jackson's complaints about a scenario file in the file's own words: no Java type names. */
final class YamlProblems {
    private YamlProblems() { }

    /** What the field takes: {@code a whole number}, {@code a number}, {@code true or false}, ... */
    static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) return "a value of the right type";
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a single value";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping";
        return "a value of the right type";
    }

    /** What the file held there: the value when Jackson kept it, or a description without class names. */
    static String got(JsonMappingException e) {
        if (e instanceof InvalidFormatException f && f.getValue() != null) return "'" + f.getValue() + "'";
        String first = firstLine(e);
        if (first.contains("START_ARRAY")) return "a list";
        if (first.contains("START_OBJECT")) return "a mapping";
        return clean(first);
    }

    /** A syntax error's first line, without Java class names. */
    static String syntax(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException) return "not UTF-8 text";
        }
        return clean(firstLine(e));
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? "?" : m.lines().findFirst().orElse("?");
    }

    private static String clean(String text) {
        boolean internals = text.contains("java.") || text.contains("org.") || text.contains("com.")
                || text.contains("Exception") || text.contains("`") || text.contains("<");
        return internals ? "an unreadable value" : text;
    }
}
