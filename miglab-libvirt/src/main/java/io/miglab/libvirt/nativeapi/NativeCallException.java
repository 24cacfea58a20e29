package io.miglab.libvirt.nativeapi;

/** A libvirt call through JNA failed; the message is libvirt's own last error. */
public final class NativeCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NativeCallException(String call, LibvirtNative lib) {
        super(call + ": " + lib.virGetLastErrorMessage());
    }
}
