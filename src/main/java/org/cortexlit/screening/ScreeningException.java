package org.cortexlit.screening;

/** Something a person asked for that cannot be done; the message says why and what to do. */
public class ScreeningException extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID }

    public final Kind kind;

    public ScreeningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public int httpStatus() {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
    }

    static ScreeningException notFound(String m) {
        return new ScreeningException(Kind.NOT_FOUND, m);
    }

    static ScreeningException forbidden(String m) {
        return new ScreeningException(Kind.FORBIDDEN, m);
    }

    static ScreeningException conflict(String m) {
        return new ScreeningException(Kind.CONFLICT, m);
    }

    static ScreeningException invalid(String m) {
        return new ScreeningException(Kind.INVALID, m);
    }
}
