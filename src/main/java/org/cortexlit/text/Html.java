package org.cortexlit.text;

/**
 * The one HTML escaper: text put into a page or a stored HTML form escapes {@code & < > " '}, so it is safe in
 * element content and in attribute values alike.
 */
public final class Html {

    private Html() {
    }

    /** {@code s} escaped; "" for null. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (needsEscape(s.charAt(i))) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                escape(s, i, s.length(), sb);
                return sb.toString();
            }
        }
        return s;
    }

    /** Appends {@code s[from, to)} escaped to {@code out}. */
    public static void escape(CharSequence s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            append(out, s.charAt(k));
        }
    }

    /** Appends one character, escaped. */
    public static void append(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    private static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
    }
}
