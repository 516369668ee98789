package org.cortexlit.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks spans of a text's characters in the safe HTML made of it: the HTML may already hold inline markup
 * ({@code <i>}, {@code <sup>}, a highlighter's {@code <mark>}), and the spans count characters of the plain text,
 * entities as one character and tags as none. A span that crosses a tag is closed before it and opened again
 * after, so the elements stay nested. Overlapping spans are merged into one mark carrying both classes and titles.
 */
public final class Marks {

    private Marks() {
    }

    /**
     * A span of plain-text characters {@code [start, end)} to wrap in {@code <mark class="cssClass" title="title">}.
     * The class and title are escaped.
     */
    public record Span(int start, int end, String cssClass, String title) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("A span runs forward from 0: [" + start + ", " + end + ")");
            }
        }
    }

    /** {@code html} with {@code spans} marked; spans beyond the text are cut at its end. */
    public static String mark(String html, List<Span> spans) {
        if (html == null || html.isEmpty() || spans.isEmpty()) {
            return html == null ? "" : html;
        }
        List<Merged> merged = merge(spans);
        StringBuilder out = new StringBuilder(html.length() + 48 * merged.size());
        int plain = 0;
        int next = 0;
        Merged current = null; // the span the text is in
        boolean markOpen = false; // whether its <mark> is open in the output (closed around tags)
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                int stop = close < 0 ? n : close + 1;
                if (markOpen) {
                    out.append("</mark>");
                    markOpen = false;
                }
                out.append(html, i, stop);
                i = stop;
                continue;
            }
            if (current != null && plain >= current.end) {
                if (markOpen) {
                    out.append("</mark>");
                    markOpen = false;
                }
                current = null;
            }
            if (current == null) {
                while (next < merged.size() && merged.get(next).end <= plain) {
                    next++;
                }
                if (next < merged.size() && merged.get(next).start <= plain) {
                    current = merged.get(next++);
                }
            }
            if (current != null && !markOpen) {
                out.append(current.openTag());
                markOpen = true;
            }
            int stop = i + 1;
            int units = 1;
            if (c == '&') {
                int semi = html.indexOf(';', i);
                stop = semi < 0 || semi - i > 10 ? i + 1 : semi + 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                stop = i + 2;
                units = 2;
            }
            out.append(html, i, stop);
            plain += units;
            i = stop;
        }
        if (markOpen) {
            out.append("</mark>");
        }
        return out.toString();
    }

    private record Merged(int start, int end, Set<String> classes, Set<String> titles) {
        String openTag() {
            StringBuilder sb = new StringBuilder("<mark class=\"");
            String css = String.join(" ", classes);
            Html.escape(css, 0, css.length(), sb);
            sb.append('"');
            if (!titles.isEmpty()) {
                String t = String.join("; ", titles);
                sb.append(" title=\"");
                Html.escape(t, 0, t.length(), sb);
                sb.append('"');
            }
            return sb.append('>').toString();
        }
    }

    private static List<Merged> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.removeIf(s -> s.end() == s.start());
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Merged> out = new ArrayList<>();
        for (Span s : sorted) {
            Merged last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() < last.end) {
                Set<String> classes = new LinkedHashSet<>(last.classes);
                classes.add(s.cssClass());
                Set<String> titles = new LinkedHashSet<>(last.titles);
                if (s.title() != null && !s.title().isBlank()) {
                    titles.add(s.title());
                }
                out.set(out.size() - 1, new Merged(last.start, Math.max(last.end, s.end()), classes, titles));
            } else {
                Set<String> classes = new LinkedHashSet<>();
                classes.add(s.cssClass());
                Set<String> titles = new LinkedHashSet<>();
                if (s.title() != null && !s.title().isBlank()) {
                    titles.add(s.title());
                }
                out.add(new Merged(s.start(), s.end(), classes, titles));
            }
        }
        return out;
    }
}
