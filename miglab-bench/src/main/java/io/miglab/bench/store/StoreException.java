package io.miglab.bench.store;

/** The results store could not be read or written; the message says which run and why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
