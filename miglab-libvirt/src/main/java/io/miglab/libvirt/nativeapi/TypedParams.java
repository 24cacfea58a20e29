package io.miglab.libvirt.nativeapi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libvirt's {@code virTypedParameter} arrays: read into a map of Java numbers and strings, or built for a call
 * with libvirt's own {@code virTypedParamsAdd*} helpers (so the C side allocates and frees them).
 * The struct (libvirt-common.h): {@code char field[80]; int type; union value} with the union 8-aligned: 96 bytes.
 */
public final class TypedParams implements AutoCloseable {
    static final int FIELD_LENGTH = 80;
    static final int TYPE_OFFSET = 80;
    static final int VALUE_OFFSET = 88;
    static final int SIZE = 96;

    private final PointerByReference params = new PointerByReference();
    private final IntByReference count = new IntByReference(0);
    private final IntByReference capacity = new IntByReference(0);
    private final Map<String, Object> added = new LinkedHashMap<>();

    /** Parameters as a map, in the array's order: VIR_TYPED_PARAM_INT, UINT, LLONG, ULLONG, DOUBLE, BOOLEAN, STRING. */
    static Map<String, Object> read(Pointer array, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long base = (long) i * SIZE;
            String field = array.getString(base);
            int type = array.getInt(base + TYPE_OFFSET);
            long v = base + VALUE_OFFSET;
            Object value = switch (type) {
                case 1 -> array.getInt(v);
                case 2 -> Integer.toUnsignedLong(array.getInt(v));
                case 3, 4 -> array.getLong(v);
                case 5 -> array.getDouble(v);
                case 6 -> array.getByte(v) != 0;
                case 7 -> {
                    Pointer s = array.getPointer(v);
                    yield s == null ? "" : s.getString(0);
                }
                default -> null;
            };
            if (value != null) out.put(field, value);
        }
        return out;
    }

    public TypedParams add(String name, long value) {
        check(LibvirtNative.INSTANCE.virTypedParamsAddULLong(params, count, capacity, name, value), name);
        added.put(name, value);
        return this;
    }

    public TypedParams addInt(String name, int value) {
        check(LibvirtNative.INSTANCE.virTypedParamsAddInt(params, count, capacity, name, value), name);
        added.put(name, value);
        return this;
    }

    public TypedParams add(String name, String value) {
        check(LibvirtNative.INSTANCE.virTypedParamsAddString(params, count, capacity, name, value), name);
        added.put(name, value);
        return this;
    }

    /** What was added, for notes and tests. */
    public Map<String, Object> values() {
        return Map.copyOf(added);
    }

    Pointer pointer() {
        return params.getValue();
    }

    int count() {
        return count.getValue();
    }

    private static void check(int rc, String name) {
        if (rc < 0) throw new NativeCallException("virTypedParamsAdd " + name, LibvirtNative.INSTANCE);
    }

    @Override
    public void close() {
        if (params.getValue() != null) LibvirtNative.INSTANCE.virTypedParamsFree(params.getValue(), count.getValue());
        params.setValue(null);
    }
}
