package org.cortexlit.screening;


/** What people type into forms, cleaned the same way everywhere: trimmed, and bounded with a message. */
final class Inputs {

    private Inputs() {
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static String limit(String s, int max, String what) {
        if (s != null && s.length() > max) {
            throw ScreeningException.invalid(what + " has at most " + max + " characters (it has " + s.length() + ").");
        }
        return s;
    }
}
