package io.miglab.core.error;

/**
 * A migration input that is out of its allowed range. The message always names the field and what is
 * allowed, so the CLI can print it as it is and exit with code 2.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidSpecException(String field, String allowed, Object got) {
        super(field + ": " + allowed + " (got " + got + ")");
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean ok, String field, String allowed, Object got) {
        if (!ok) throw new InvalidSpecException(field, allowed, got);
    }
}
