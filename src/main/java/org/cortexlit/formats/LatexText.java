package org.cortexlit.formats;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns a BibTeX field value into text: braces dropped, the common LaTeX accents ({@code {\"u}}, {@code \'e},
 * {@code \c{c}}) and letters ({@code \ss}, {@code \o}, {@code \ae}) decoded, {@code --} and {@code ---} as
 * dashes, {@code \textit}/{@code \emph}/{@code \textbf}/{@code \textsuperscript}/{@code \textsubscript} and
 * math-mode {@code ^}/{@code _} as the safe inline markup, a few Greek letters from math mode. Unknown commands
 * are dropped and their arguments kept. Never fails: whatever it cannot read it leaves as text.
 */
final class LatexText {

    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"), Map.entry("textendash", "–"), Map.entry("textemdash", "—"),
            Map.entry("ldots", "…"), Map.entry("dots", "…"), Map.entry("textregistered", "®"),
            Map.entry("texttrademark", "™"), Map.entry("copyright", "©"), Map.entry("textdegree", "°"),
            Map.entry("degree", "°"), Map.entry("pm", "±"), Map.entry("times", "×"), Map.entry("leq", "≤"),
            Map.entry("geq", "≥"), Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("sim", "~"),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
            Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Sigma", "Σ"),
            Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"));

    /** Accent commands and the combining character each puts on its letter. */
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("\"", '\u0308'), Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'),
            Map.entry("~", '\u0303'), Map.entry("=", '\u0304'), Map.entry(".", '\u0307'), Map.entry("u", '\u0306'),
            Map.entry("v", '\u030C'), Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'));

    /** Deeper groups are read flat: real titles nest a few levels, hostile ones thousands (no stack overflow). */
    private static final int MAX_DEPTH = 50;

    private final String s;
    private final InlineMarkup out;
    private final int baseDepth;
    private int depth;
    private int i;
    private boolean math;

    private LatexText(String s, InlineMarkup out, int baseDepth) {
        this.s = s;
        this.out = out;
        this.baseDepth = baseDepth;
    }

    /** Appends the decoded value to {@code out} (html and plain forms). */
    static void decode(String raw, InlineMarkup out) {
        if (raw != null) {
            new LatexText(raw, out, 0).run(false);
        }
    }

    /** The decoded value as plain text, whitespace collapsed; "" for null. */
    static String plain(String raw) {
        return plain(raw, 0);
    }

    private static String plain(String raw, int depth) {
        InlineMarkup m = new InlineMarkup();
        if (depth < MAX_DEPTH) {
            new LatexText(raw, m, depth).run(false);
        } else {
            m.text(raw);
        }
        return m.plain();
    }

    /** Reads until the end, or until the closing brace of the group we are in. */
    private void run(boolean inGroup) {
        if (baseDepth + depth >= MAX_DEPTH) {
            flat(inGroup);
            return;
        }
        depth++;
        try {
            runNested(inGroup);
        } finally {
            depth--;
        }
    }

    /** Too deep: the rest of this group as text, braces and commands dropped. */
    private void flat(boolean inGroup) {
        int level = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '{') {
                level++;
            } else if (c == '}') {
                if (level == 0 && inGroup) {
                    return;
                }
                level = Math.max(0, level - 1);
            } else if (c != '\\') {
                out.text(String.valueOf(c));
            }
        }
    }

    private void runNested(boolean inGroup) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    run(true);
                }
                case '}' -> {
                    i++;
                    if (inGroup) {
                        return;
                    }
                }
                case '\\' -> command();
                case '$' -> {
                    math = !math;
                    i++;
                }
                case '~' -> {
                    out.text(" ");
                    i++;
                }
                case '-' -> dashes();
                case '`', '\'' -> quotes(c);
                case '^', '_' -> {
                    i++;
                    if (math) {
                        String tag = c == '^' ? "sup" : "sub";
                        out.open(tag);
                        argument();
                        out.close(tag);
                    } else {
                        out.text(String.valueOf(c));
                    }
                }
                default -> {
                    out.text(s, i, i + 1);
                    i++;
                }
            }
        }
    }

    /** One argument: a {group}, a command, or a single character. */
    private void argument() {
        skipSpaces();
        if (i >= s.length()) {
            return;
        }
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            run(true);
        } else if (c == '\\') {
            command();
        } else {
            out.text(s, i, i + 1);
            i++;
        }
    }

    private void command() {
        int n = s.length();
        i++;
        if (i >= n) {
            return;
        }
        char c = s.charAt(i);
        String name;
        if (Character.isLetter(c)) {
            int start = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            name = s.substring(start, i);
            // A control word eats the spaces after it, as TeX does ("Stra\ss e").
            if (!ACCENTS.containsKey(name)) {
                skipSpaces();
            }
        } else {
            i++;
            name = String.valueOf(c);
        }
        Character accent = ACCENTS.get(name);
        if (accent != null) {
            accented(accent);
            return;
        }
        String letter = LETTERS.get(name);
        if (letter != null) {
            out.text(letter);
            if (i < n && s.charAt(i) == '{' && i + 1 < n && s.charAt(i + 1) == '}') {
                i += 2; // "\o{}"
            }
            return;
        }
        switch (name) {
            case "&", "%", "$", "#", "_", "{", "}" -> out.text(name);
            case "\\", ",", ";", ":", "!", " ", "quad", "qquad", "newline" -> out.text(" ");
            case "-", "/" -> {
                // discretionary hyphen, italic correction
            }
            case "textit", "emph", "textsl", "mathit", "it", "em" -> styled("i");
            case "textbf", "mathbf", "bf" -> styled("b");
            case "textsuperscript" -> styled("sup");
            case "textsubscript" -> styled("sub");
            case "underline", "uline" -> styled("u");
            default -> {
                // url, textrm, mathrm, relax and unknown commands: drop the name, keep what follows.
            }
        }
    }

    private void styled(String tag) {
        skipSpaces();
        out.open(tag);
        if (i < s.length() && s.charAt(i) == '{') {
            i++;
            run(true);
        } else {
            // {\it text}: the rest of the group.
            run(true);
            i--; // leave the group's closing brace for the caller
            if (i < 0 || i >= s.length() || s.charAt(i) != '}') {
                i++;
            }
        }
        out.close(tag);
    }

    /** {@code \"u}, {@code \"{u}}, {@code \'{\i}}: the letter with its combining mark, composed. */
    private void accented(char combining) {
        skipSpaces();
        int n = s.length();
        String base;
        if (i < n && s.charAt(i) == '{') {
            int depth = 1;
            int start = ++i;
            while (i < n && depth > 0) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                i++;
            }
            base = plain(s.substring(start, depth == 0 ? i - 1 : i), baseDepth + this.depth + 1);
        } else if (i < n && s.charAt(i) == '\\') {
            int start = i;
            i++;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            base = plain(s.substring(start, i), baseDepth + this.depth + 1);
        } else if (i < n) {
            base = String.valueOf(s.charAt(i));
            i++;
        } else {
            base = "";
        }
        if (base.isEmpty()) {
            return;
        }
        // The dotless i and j take accents as plain i and j.
        base = base.replace('ı', 'i').replace('ȷ', 'j');
        String composed = Normalizer.normalize(base.charAt(0) + String.valueOf(combining) + base.substring(1),
                Normalizer.Form.NFC);
        out.text(composed);
    }

    /** {@code --} is an en dash, {@code ---} an em dash. */
    private void dashes() {
        int start = i;
        while (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        int count = i - start;
        out.text(count == 2 ? "–" : count == 3 ? "—" : "-".repeat(count));
    }

    /** {@code ``} and {@code ''} are curly double quotes; single ones stay as they are. */
    private void quotes(char c) {
        if (i + 1 < s.length() && s.charAt(i + 1) == c) {
            out.text(c == '`' ? "“" : "”");
            i += 2;
        } else {
            out.text(String.valueOf(c));
            i++;
        }
    }

    private void skipSpaces() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
    }
}
