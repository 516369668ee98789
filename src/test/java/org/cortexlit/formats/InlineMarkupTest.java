package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InlineMarkupTest {

    @Test
    void spacesAroundTagsStayWhereTheyWere() {
        InlineMarkup m = new InlineMarkup();
        m.text("  a  ");
        m.open("i");
        m.text("b");
        m.close("i");
        m.text("\n\t c \u2009 d\u00a0 ");

        assertEquals("a b c d", m.plain());
        assertEquals("a <i>b</i> c d", m.html());
    }

    @Test
    void everythingOutsideTheSafeTagsIsEscaped() {
        InlineMarkup m = new InlineMarkup();
        m.text("<script>\"x\" & y</script>");

        assertEquals("&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;", m.html());
        assertEquals("<script>\"x\" & y</script>", m.plain());
    }

    @Test
    void safeTagMapping() {
        assertEquals("i", InlineMarkup.safeTag("italic"));
        assertEquals("b", InlineMarkup.safeTag("bold"));
        assertEquals("u", InlineMarkup.safeTag("underline"));
        assertEquals("sup", InlineMarkup.safeTag("sup"));
        assertNull(InlineMarkup.safeTag("span"));
        assertNull(InlineMarkup.safeTag("script"));
    }

    @Test
    void escapeOnlyCopiesWhenItMust() {
        assertEquals("plain", InlineMarkup.escape("plain"));
        assertEquals("a &lt;b&gt;", InlineMarkup.escape("a <b>"));
    }

    @Test
    void yearsAndDois() {
        assertEquals(2006, RecordDraft.firstYear("2006 May-Jun"));
        assertEquals(1998, RecordDraft.firstYear("Winter 1998-1999"));
        assertNull(RecordDraft.firstYear("12345 no year"));
        assertEquals("10.1/x", RecordDraft.cleanDoi("https://doi.org/10.1/x"));
        assertEquals("10.1/x", RecordDraft.cleanDoi("doi:10.1/x"));
        assertNull(RecordDraft.cleanDoi("not-a-doi"));
    }
}
