package io.miglab.libvirt.nativeapi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libvirt C functions the Java binding 0.5.2 does not cover, bound through JNA to the same
 * {@code libvirt.so.0}: the job's typed statistics, migration with typed parameters, the switch to post-copy and
 * the dirty-rate calculation. Signatures from libvirt's {@code include/libvirt/libvirt-domain.h} and
 * {@code libvirt-common.h}; {@code unsigned int} flags are passed as Java ints.
 */
interface LibvirtNative extends Library {
    LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

    int virDomainGetJobStats(Pointer domain, IntByReference type, PointerByReference params, IntByReference nparams,
                             int flags);

    int virDomainMigrateToURI3(Pointer domain, String destinationUri, Pointer params, int nparams, int flags);

    Pointer virDomainMigrate3(Pointer domain, Pointer destinationConnection, Pointer params, int nparams, int flags);

    int virDomainMigrateStartPostCopy(Pointer domain, int flags);

    int virDomainFree(Pointer domain);

    int virDomainStartDirtyRateCalc(Pointer domain, int seconds, int flags);

    int virDomainListGetStats(Pointer domains, int stats, PointerByReference records, int flags);

    void virDomainStatsRecordListFree(Pointer records);

    int virTypedParamsAddULLong(PointerByReference params, IntByReference nparams, IntByReference maxparams,
                                String name, long value);

    int virTypedParamsAddInt(PointerByReference params, IntByReference nparams, IntByReference maxparams,
                             String name, int value);

    int virTypedParamsAddString(PointerByReference params, IntByReference nparams, IntByReference maxparams,
                                String name, String value);

    void virTypedParamsFree(Pointer params, int nparams);

    String virGetLastErrorMessage();
}
