package org.cortexlit.formats;

import org.cortexlit.text.Html;

/**
 * Builds the two forms of a marked-up text at once: HTML that keeps only {@code <i> <b> <sup> <sub> <u>}
 * (everything else escaped) and plain text with the markup flattened. Runs of whitespace collapse to
 * one space and both ends are trimmed, so the XML's pretty-printing never reaches the index.
 * One instance is reused for every field of a file: {@link #reset()} between fields.
 */
final class InlineMarkup {

    private final StringBuilder html = new StringBuilder(256);
    private final StringBuilder plain = new StringBuilder(256);
    private boolean pendingSpace;

    /** Whether either form has reached {@link Limits#MAX_FIELD_CHARS}: the caller stops feeding it. */
    boolean full() {
        return plain.length() >= Limits.MAX_FIELD_CHARS || html.length() >= Limits.MAX_FIELD_CHARS;
    }

    void reset() {
        html.setLength(0);
        plain.setLength(0);
        pendingSpace = false;
    }

    /** Appends character data, escaping it for the HTML form. */
    void text(CharSequence s) {
        text(s, 0, s.length());
    }

    void text(CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            append(s.charAt(i));
        }
    }

    /** The StAX form: no copy of the parser's buffer. */
    void text(char[] chars, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            append(chars[i]);
        }
    }

    private void append(char c) {
        if (c <= ' ' || (c >= '\u0080' && Character.isSpaceChar(c))) {
            // Unicode spaces (no-break, thin, em) count as space: PubMed uses them as layout. Other
            // control characters are dropped.
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c >= '\u0080') {
                pendingSpace = plain.length() > 0;
            }
            return;
        }
        flushSpace();
        plain.append(c);
        Html.append(html, c);
    }

    /** Opens one of the safe tags; the space before it stays before it. */
    void open(String safeTag) {
        flushSpace();
        html.append('<').append(safeTag).append('>');
    }

    /** Closes a safe tag; a space after it is written after it. */
    void close(String safeTag) {
        html.append("</").append(safeTag).append('>');
    }

    private void flushSpace() {
        if (pendingSpace) {
            plain.append(' ');
            html.append(' ');
            pendingSpace = false;
        }
    }

    String plain() {
        return plain.toString();
    }

    /** The HTML form with empty safe elements such as {@code <i></i>} left as they are (harmless). */
    String html() {
        return html.toString();
    }

    boolean isEmpty() {
        return plain.length() == 0;
    }

    /**
     * The safe tag an inline element maps to, or null when its tags must not reach the HTML. JATS-style
     * names ({@code italic}, {@code bold}, {@code underline}) appear in some publisher-supplied records.
     */
    static String safeTag(String localName) {
        return switch (localName) {
            case "i", "italic", "em" -> "i";
            case "b", "bold", "strong" -> "b";
            case "sup" -> "sup";
            case "sub" -> "sub";
            case "u", "underline" -> "u";
            default -> null;
        };
    }

    /** HTML-escapes plain text whose whitespace is already normalised (MEDLINE text has no markup). */
    static String escape(String s) {
        return s == null ? null : Html.escape(s);
    }
}
