package org.cortexlit.importing.eutils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what NCBI said out of an error body, whatever its shape: an XML {@code <ERROR>} (eSearchResult,
 * eFetchResult), JSON {@code "error"} (the 429 rate-limit answer, retmode=json), an HTML page (gateway and
 * maintenance pages) or plain text. Works on a bounded head of the body; a broken body yields a short excerpt,
 * never an exception.
 */
final class NcbiErrors {

    /** Enough for any NCBI error body; the rest is not read. */
    static final int MAX_ERROR_BODY = 16 * 1024;
    private static final int MAX_MESSAGE = 300;

    private static final Pattern XML_ERROR = Pattern.compile("<ERROR>(.*?)</ERROR>", Pattern.DOTALL);
    private static final Pattern JSON_ERROR =
            Pattern.compile("\"(?:error|ERROR)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_HEADING = Pattern.compile("<h[1-3][^>]*>(.*?)</h[1-3]>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_BODY = Pattern.compile("<body[^>]*>(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern NOISE = Pattern.compile("<(script|style)[^>]*>.*?</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private NcbiErrors() {
    }

    /** The shape of a body, judged from its first bytes. */
    enum Shape {
        PUBMED_XML, EFETCH_ERROR, ESEARCH_XML, HTML, JSON, OTHER
    }

    static Shape sniff(byte[] head, int length) {
        String s = new String(head, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3).stripLeading();
        }
        if (s.startsWith("{") || s.startsWith("[")) {
            return Shape.JSON;
        }
        String root = rootElement(s);
        if (root == null) {
            return Shape.OTHER;
        }
        return switch (root.toLowerCase(Locale.ROOT)) {
            case "efetchresult" -> Shape.EFETCH_ERROR;
            case "esearchresult" -> Shape.ESEARCH_XML;
            case "html", "head", "body" -> Shape.HTML;
            default -> Shape.PUBMED_XML;
        };
    }

    /** The first element's name, skipping the XML declaration, comments and DOCTYPE; {@code <!DOCTYPE html>} counts as html. */
    private static String rootElement(String s) {
        int i = 0;
        while (i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return null;
            }
            char c = s.charAt(lt + 1);
            if (c == '?' || c == '!') {
                if (s.regionMatches(true, lt, "<!DOCTYPE html", 0, 14)) {
                    return "html";
                }
                int end = s.indexOf('>', lt);
                if (end < 0) {
                    return null;
                }
                i = end + 1;
                continue;
            }
            Matcher m = FIRST_ELEMENT.matcher(s).region(lt, s.length());
            return m.lookingAt() ? m.group(1) : null;
        }
        return null;
    }

    static String message(byte[] body) {
        return message(body, body.length);
    }

    /** NCBI's message in {@code body}, shortened to one line; null when the body says nothing. */
    static String message(byte[] body, int length) {
        String s = new String(body, 0, length, StandardCharsets.UTF_8);
        List<String> xmlErrors = new ArrayList<>();
        Matcher x = XML_ERROR.matcher(s);
        while (x.find()) {
            xmlErrors.add(clean(x.group(1)));
        }
        if (!xmlErrors.isEmpty()) {
            return shorten(String.join("; ", xmlErrors));
        }
        Matcher j = JSON_ERROR.matcher(s);
        if (j.find()) {
            return shorten(unescapeJson(j.group(1)));
        }
        if (sniff(body, length) == Shape.HTML) {
            return html(s);
        }
        String text = clean(s);
        return text.isEmpty() ? null : shorten(text);
    }

    /** Title, then the first heading if it adds something, else the visible text. */
    private static String html(String s) {
        String title = find(HTML_TITLE, s);
        String heading = find(HTML_HEADING, s);
        String text;
        if (title != null && heading != null && !title.contains(heading)) {
            text = title + ": " + heading;
        } else if (title != null) {
            text = title;
        } else if (heading != null) {
            text = heading;
        } else {
            String body = find(HTML_BODY, NOISE.matcher(s).replaceAll(" "));
            text = body != null ? body : clean(NOISE.matcher(s).replaceAll(" "));
        }
        return text == null || text.isEmpty() ? null : shorten(text);
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return null;
        }
        String t = clean(m.group(1));
        return t.isEmpty() ? null : t;
    }

    /**
     * Whether NCBI's message means the history session is gone. NCBI words this several ways over the years
     * ("Unable to obtain query #1", "Cannot retrieve history data", an expired or invalid WebEnv/query_key).
     * The retstart ceiling ("'retstart' cannot be larger than 9998") uses the same words but is no expiry:
     * a new session would be refused the same way.
     */
    static boolean meansSessionExpired(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("cannot be larger than")) {
            return false;
        }
        return m.contains("unable to obtain query")
                || m.contains("cannot retrieve history data")
                || (m.contains("webenv") && (m.contains("expired") || m.contains("invalid") || m.contains("not found")))
                || (m.contains("query_key") && (m.contains("invalid") || m.contains("not found")))
                || m.contains("history is empty");
    }

    static boolean meansRetrievalLimit(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("cannot be larger than");
    }

    private static String clean(String s) {
        String t = TAG.matcher(s).replaceAll(" ");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }

    private static String unescapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n', 'r', 't' -> b.append(' ');
                    case 'u' -> {
                        if (i + 4 < s.length()) {
                            try {
                                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                                i += 4;
                            } catch (NumberFormatException e) {
                                b.append("\\u");
                            }
                        }
                    }
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    static String shorten(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
