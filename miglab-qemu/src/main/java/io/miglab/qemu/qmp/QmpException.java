package io.miglab.qemu.qmp;

import java.util.Optional;

/**
 * A QMP command that did not succeed: QEMU answered with an {@code error} (its class and description are kept),
 * the socket closed, or no answer came in time.
 */
public final class QmpException extends RuntimeException {
    private final String errorClass;

    public QmpException(String message) {
        this(message, null, null);
    }

    public QmpException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private QmpException(String message, String errorClass, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
    }

    /** QEMU's own error: {@code {"error": {"class": ..., "desc": ...}}} for {@code command}. */
    public static QmpException fromQemu(String command, String errorClass, String desc) {
        return new QmpException("QMP " + command + " failed: " + errorClass + ": " + desc, errorClass, null);
    }

    /** The QMP error class (e.g. {@code GenericError}, {@code CommandNotFound}) when QEMU answered with one. */
    public Optional<String> errorClass() {
        return Optional.ofNullable(errorClass);
    }
}
