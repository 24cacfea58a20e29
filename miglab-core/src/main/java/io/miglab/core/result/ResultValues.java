package io.miglab.core.result;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result as flat named values and back: the shape of {@code --json} (every stored metric by name, then
 * {@code rounds}, {@code stages} and {@code assumptions}) and of a results-store row. Rebuilding matches the
 * result's record components by name, so a metric added to the result and to {@link Metrics} needs nothing here.
 */
public final class ResultValues {
    public static final String ROUNDS = "rounds";
    public static final String STAGES = "stages";
    public static final String ASSUMPTIONS = "assumptions";

    private ResultValues() { }

    /** The stored metrics in order, then the rounds, the stages and the assumptions, for a JSON serialiser. */
    public static Map<String, Object> flat(MigrationResult r, Metrics metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Metric x : metrics.stored()) if (x.presentIn(r)) m.put(x.name(), x.of(r));
        m.put(ROUNDS, r.rounds());
        m.put(STAGES, r.stages());
        m.put(ASSUMPTIONS, r.assumptions());
        return m;
    }

    /**
     * A result from values named as in {@link #flat}: enums may be given by name, numbers as any {@link Number};
     * a missing figure (a store row written before the metric existed) is 0, false or empty.
     */
    public static MigrationResult rebuild(Map<String, ?> values) {
        return build(MigrationResult.class, values);
    }

    private static <R extends Record> R build(Class<R> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = c.getType().isRecord() ? build(c.getType().asSubclass(Record.class), values)
                    : coerce(c.getName(), c.getType(), values.get(c.getName()));
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object coerce(String name, Class<?> type, Object v) {
        if (type == List.class) return v == null ? List.of() : v;
        if (type == String.class) return v == null ? "" : v.toString();
        if (type.isEnum()) return v == null || type.isInstance(v) ? v : Enum.valueOf((Class) type, v.toString());
        if (type == boolean.class) return v != null && (v instanceof Boolean b ? b : ((Number) v).intValue() != 0);
        Number n = v == null ? 0 : (Number) v;
        if (type == int.class) return n.intValue();
        if (type == long.class) return n.longValue();
        if (type == double.class) return n.doubleValue();
        throw new IllegalStateException(name + ": cannot rebuild a " + type.getSimpleName());
    }
}
