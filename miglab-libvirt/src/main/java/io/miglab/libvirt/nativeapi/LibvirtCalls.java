package io.miglab.libvirt.nativeapi;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.util.Map;
import org.libvirt.Connect;
import org.libvirt.Domain;

/**
 * The calls of {@link LibvirtNative} on the binding's own {@link Domain} and {@link Connect} objects. The binding
 * keeps their C handles in non-public fields ({@code Domain.vdp}, {@code Connect.vcp}), read here once by
 * reflection, so both bindings act on the same libvirt objects and connections.
 */
public final class LibvirtCalls {
    /** virDomainJobType (libvirt-domain.h). */
    public static final int JOB_NONE = 0, JOB_COMPLETED = 3, JOB_FAILED = 4, JOB_CANCELLED = 5;
    private static final int STATS_COMPLETED = 1;
    /** VIR_DOMAIN_STATS_DIRTYRATE. */
    private static final int STATS_DIRTYRATE = 1 << 9;
    private static final Field DOMAIN_HANDLE = field(Domain.class, "vdp");
    private static final Field CONNECT_HANDLE = field(Connect.class, "vcp");

    /** Kept referenced: libvirt holds the function pointer. */
    private static final org.libvirt.jna.Libvirt.VirErrorCallback SILENT = (data, error) -> { };

    private LibvirtCalls() {
    }

    /**
     * Stops libvirt's default error function from printing every error on stderr (a lookup of a domain that is not
     * there is an expected answer here); the binding still turns each error into a {@code LibvirtException}.
     */
    public static void quiet() {
        try {
            Connect.setErrorCallback(SILENT);
        } catch (org.libvirt.LibvirtException e) {
            throw new IllegalStateException("cannot set libvirt's error callback: " + e.getMessage(), e);
        }
    }

    /** The job's statistics and its type; with {@code completed} those of the last completed job. */
    public static JobStats jobStats(Domain domain, boolean completed) {
        IntByReference type = new IntByReference();
        PointerByReference params = new PointerByReference();
        IntByReference n = new IntByReference();
        if (lib().virDomainGetJobStats(handle(domain), type, params, n, completed ? STATS_COMPLETED : 0) < 0) {
            throw new NativeCallException("virDomainGetJobStats", lib());
        }
        try {
            Map<String, Object> values = params.getValue() == null ? Map.of()
                    : TypedParams.read(params.getValue(), n.getValue());
            return new JobStats(type.getValue(), values);
        } finally {
            if (params.getValue() != null) lib().virTypedParamsFree(params.getValue(), n.getValue());
        }
    }

    /** Peer-to-peer (or tunnelled) migration: the source daemon connects to {@code destinationUri} itself. */
    public static void migrateToUri(Domain domain, String destinationUri, TypedParams params, int flags) {
        if (lib().virDomainMigrateToURI3(handle(domain), destinationUri, params.pointer(), params.count(), flags) < 0) {
            throw new NativeCallException("migration", lib());
        }
    }

    /** Client-managed migration: miglab holds a connection to each daemon and libvirt steps both. */
    public static void migrate(Domain domain, Connect destination, TypedParams params, int flags) {
        Pointer moved = lib().virDomainMigrate3(handle(domain), handle(destination), params.pointer(),
                params.count(), flags);
        if (moved == null) throw new NativeCallException("migration", lib());
        lib().virDomainFree(moved);
    }

    public static void startPostCopy(Domain domain) {
        if (lib().virDomainMigrateStartPostCopy(handle(domain), 0) < 0) {
            throw new NativeCallException("virDomainMigrateStartPostCopy", lib());
        }
    }

    /** Starts libvirt's dirty-rate calculation (QEMU's calc-dirty-rate) over {@code seconds}. */
    public static void startDirtyRateCalc(Domain domain, int seconds) {
        if (lib().virDomainStartDirtyRateCalc(handle(domain), seconds, 0) < 0) {
            throw new NativeCallException("virDomainStartDirtyRateCalc", lib());
        }
    }

    /** The domain's {@code dirtyrate.*} statistics (calc_status 2 = measured, megabytes_per_second). */
    public static Map<String, Object> dirtyRateStats(Domain domain) {
        Memory list = new Memory(2L * Native.POINTER_SIZE);
        list.setPointer(0, handle(domain));
        list.setPointer(Native.POINTER_SIZE, null);
        PointerByReference records = new PointerByReference();
        if (lib().virDomainListGetStats(list, STATS_DIRTYRATE, records, 0) < 0) {
            throw new NativeCallException("virDomainListGetStats", lib());
        }
        try {
            Pointer first = records.getValue().getPointer(0);
            if (first == null) return Map.of();
            // virDomainStatsRecord: virDomainPtr dom; virTypedParameterPtr params; int nparams
            return TypedParams.read(first.getPointer(Native.POINTER_SIZE), first.getInt(2L * Native.POINTER_SIZE));
        } finally {
            lib().virDomainStatsRecordListFree(records.getValue());
        }
    }

    private static LibvirtNative lib() {
        return LibvirtNative.INSTANCE;
    }

    private static Pointer handle(Object bound) {
        try {
            Field f = bound instanceof Domain ? DOMAIN_HANDLE : CONNECT_HANDLE;
            return ((PointerType) f.get(bound)).getPointer();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("libvirt binding handle not readable", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("libvirt binding without " + type.getSimpleName() + "." + name
                    + " (expected org.libvirt:libvirt 0.5.2)", e);
        }
    }
}
