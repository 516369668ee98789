package org.cortexlit.formats;

/** Line helpers shared by the tagged text formats (MEDLINE, RIS): hot loops, so no regex and no trim copies. */
final class TaggedLines {

    private TaggedLines() {
    }

    /**
     * Appends {@code line} from {@code from}, trimmed, to {@code sb}, with one space before it when {@code sb} has
     * text; false (and nothing appended) when that would make the field longer than {@link Limits#MAX_FIELD_CHARS}.
     */
    static boolean appendTrimmed(StringBuilder sb, String line, int from) {
        int s = from;
        int e = line.length();
        while (s < e && line.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && line.charAt(e - 1) <= ' ') {
            e--;
        }
        if (s < e) {
            if (sb.length() + 1 + (e - s) > Limits.MAX_FIELD_CHARS) {
                return false;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line, s, e);
        }
        return true;
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }
}
