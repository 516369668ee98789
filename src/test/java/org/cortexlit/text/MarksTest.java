package org.cortexlit.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Evidence spans counted in plain characters land on the right words of the HTML made of that text. */
class MarksTest {

    private static Marks.Span span(int start, int end, String css, String title) {
        return new Marks.Span(start, end, css, title);
    }

    @Test
    void aSpanOfPlainTextIsMarkedInItsHtml() {
        String plain = "Sham & active rTMS";
        assertEquals("Sham &amp; active <mark class=\"ev\" title=\"modality: rTMS\">rTMS</mark>",
                Marks.mark(Html.escape(plain), List.of(span(plain.indexOf("rTMS"), plain.length(), "ev", "modality: rTMS"))));
    }

    @Test
    void entitiesCountAsOneCharacterAndTagsAsNone() {
        // plain: "a <b> c 10 Hz"; the HTML has an italic word and an escaped angle bracket
        String html = "a &lt;b&gt; <i>c</i> 10 Hz";
        String plain = "a <b> c 10 Hz";
        assertEquals("a &lt;b&gt; <i>c</i> <mark class=\"f\">10 Hz</mark>",
                Marks.mark(html, List.of(span(plain.indexOf("10"), plain.length(), "f", null))));
    }

    @Test
    void aSpanThatCrossesATagIsClosedAndOpenedAgain() {
        String html = "over <i>the motor</i> cortex";
        String plain = "over the motor cortex";
        assertEquals("over <i><mark class=\"t\">the motor</mark></i><mark class=\"t\"> cortex</mark>",
                Marks.mark(html, List.of(span(plain.indexOf("the"), plain.length(), "t", null))));
    }

    @Test
    void overlappingSpansBecomeOneMarkWithBothClassesAndTitles() {
        String plain = "10 Hz rTMS";
        assertEquals("<mark class=\"ev-frequency ev-modality\" title=\"frequency: high; modality: rTMS\">10 Hz rTMS</mark>",
                Marks.mark(plain, List.of(span(0, 5, "ev-frequency", "frequency: high"),
                        span(3, 10, "ev-modality", "modality: rTMS"))));
    }

    @Test
    void spansBeyondTheTextAreCutAndEmptyOnesIgnored() {
        assertEquals("<mark class=\"x\">abc</mark>", Marks.mark("abc", List.of(span(0, 99, "x", null))));
        assertEquals("abc", Marks.mark("abc", List.of(span(1, 1, "x", null))));
        assertEquals("abc", Marks.mark("abc", List.of(span(5, 9, "x", null))));
    }

    @Test
    void anExistingHighlightIsKeptInsideAnEvidenceMark() {
        String html = "a <mark class=\"hl-include\">sham</mark>-controlled trial";
        String plain = "a sham-controlled trial";
        assertEquals("a <mark class=\"hl-include\"><mark class=\"ev\">sham</mark></mark><mark class=\"ev\">-controlled</mark> trial",
                Marks.mark(html, List.of(span(2, plain.indexOf(" trial"), "ev", null))));
    }

    @Test
    void classesAndTitlesAreEscaped() {
        assertEquals("<mark class=\"a&quot;b\" title=\"x &lt;y&gt;\">z</mark>",
                Marks.mark("z", List.of(span(0, 1, "a\"b", "x <y>"))));
    }
}
