package org.cortexlit.search;

import java.text.Normalizer;
import java.util.Locale;

/** One normal form for author names, shared by indexing and queries: "Müller-Lyer, A.B." -> "muller lyer ab". */
public final class AuthorKeys {

    private AuthorKeys() {
    }

    /**
     * Lower case, accents removed, every run of characters other than letters and digits turned into one
     * space, except that dots between initials vanish ("J.P." -> "jp"). Empty when nothing is left.
     */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("æ", "ae").replace("Æ", "AE").replace("đ", "d").replace("Đ", "D")
                .toLowerCase(Locale.ROOT).replace(".", "");
        StringBuilder sb = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }
}
