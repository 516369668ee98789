package org.cortexlit.formats;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BibTeX as reference managers write it: nested braces, LaTeX accents, macros and EndNote's junk. */
class BibtexReaderTest {

    static Events read(String fixture) throws IOException {
        return RisBibtexFixturesTest.read("bibtex/" + fixture);
    }

    static Events bib(String text) throws IOException {
        return Events.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void accentsBracesAndMarkupAreDecoded() throws IOException {
        Citation r = read("accents-braces.bib").records().get(0);
        assertEquals("rTMS of the motor cortex in Parkinson&#39;s disease: <i>in vivo</i> effects on β-oscillations",
                r.titleHtml());
        assertEquals(List.of(
                new Citation.Author("Müller", "Jörg", "J", null, List.of()),
                new Citation.Author("García", "José", "J", null, List.of()),
                new Citation.Author("Straßer", "Hans-Jürgen", "HJ", null, List.of()),
                new Citation.Author("Dupont", "François", "F", null, List.of())), r.authors());
        assertEquals("Clinical Neurophysiology", r.journal());
        assertEquals("100-120", r.pages());
        assertEquals("130", r.volume());
        assertEquals("4", r.issue());
        assertEquals("1388-2457", r.issn());
        assertEquals(List.of("rTMS", "Parkinson's disease", "beta oscillations"), r.keywords());
        assertEquals(List.of("eng"), r.languages());
        assertEquals(List.of("Journal Article"), r.publicationTypes());
        assertEquals(List.of("BACKGROUND", "METHODS"), r.abstractSections().stream()
                .map(Citation.AbstractSection::label).toList());
        assertEquals("Twenty patients — all right-handed.", r.abstractSections().get(1).text());
    }

    @Test
    void stringMacrosConcatenationAndCommentsAreHandled() throws IOException {
        Events events = read("strings-comments.bib");
        assertEquals(2, events.all().size(), "@string, @preamble and @comment are no records");
        Citation first = events.records().get(0);
        assertEquals("Pain", first.journal());
        assertEquals("2004 October", first.pubDate());
        assertEquals("108", first.volume());
        Citation second = events.records().get(1);
        assertEquals("In parentheses", second.title());
        assertEquals("European Journal of Pain", second.journal());
        assertEquals("second", second.sourceId());
    }

    @Test
    void junkBetweenEntriesIsSkippedAndPmidsAreFoundWhereverTheyAre() throws IOException {
        List<Citation> records = read("endnote-junk.bib").records();
        assertEquals(Arrays.asList("11111111", "22222222", "33333333", null),
                records.stream().map(Citation::pmid).toList());
        assertEquals(Arrays.asList("RN12", "RN13", "RN14", null), records.stream().map(Citation::sourceId).toList());
        Citation book = records.get(1);
        assertTrue(book.book());
        assertEquals(List.of("Book"), book.publicationTypes());
        assertEquals(List.of(
                new Citation.Author("Jones", "Mary", "M", null, List.of()),
                new Citation.Author(null, null, null, "World Health Organization", List.of())), book.authors());
        assertEquals(2005, records.get(3).year(), "biblatex date when there is no year");
    }

    @Test
    void aBrokenEntryIsInvalidAndTheReaderGoesOn() throws IOException {
        Events events = read("broken.bib");
        assertEquals(List.of("The first entry is fine", "The reader goes on after a broken entry"),
                events.records().stream().map(Citation::title).toList());
        List<ReadEvent.Invalid> invalid = events.invalid();
        assertTrue(invalid.get(0).reason().contains("expected '=' after field \"title\""), invalid.get(0).reason());
        assertTrue(invalid.get(0).reason().contains("line 6"), invalid.get(0).reason());
        assertEquals("no title", invalid.get(1).reason());
        assertTrue(invalid.get(2).reason().contains("not closed"), invalid.get(2).reason());
        assertEquals(List.of(1, 2, 3, 4, 5), events.all().stream().map(ReadEvent::recordNumber).toList());
    }

    @Test
    void anEntryWithoutPmidIsParsedWithItsKey() throws IOException {
        Citation r = bib("@article{smith2020, title = {No PMID}, year = 2020}").records().get(0);
        assertNull(r.pmid());
        assertEquals("smith2020", r.sourceId());
        assertEquals(2020, r.year());
    }

    @Test
    void commonLatexIsDecoded() throws IOException {
        Citation r = bib("@article{k, title = {{\\AA}ngstr{\\\"o}m, na{\\\"\\i}ve \\v{S}koda \\'{E}cole "
                + "\\o{} \\ae\\ \\& 50\\% $^{13}$C H$_2$O \\textit{x} ``q''}, author = {de la Fuente, Ana}}")
                .records().get(0);
        assertEquals("Ångström, naïve Škoda École ø æ & 50% 13C H2O x “q”", r.title());
        assertEquals("Ångström, naïve Škoda École ø æ &amp; 50% <sup>13</sup>C H<sub>2</sub>O <i>x</i> “q”",
                r.titleHtml());
        assertEquals("de la Fuente", r.authors().get(0).lastName());
    }

    @Test
    void hostileBibtexNeverThrowsAnythingButRecordFormatException() {
        String[] inputs = {
            "@article{",
            "@article{k,",
            "@article{k, title = ",
            "@article{k, title = \"unclosed",
            "@article{k, title = {a}} }}}} @@@@ @article{{{",
            "@string{x = }",
            "@comment{ never closed",
            "@article{k, title = {\\}, author = {\\\"}}",
            "@article{k, title = {x}, author = { and and , , and }}",
            "@article{k, title = {$$$^^^___\\\\\\}}",
            "@article{k, = {x}}",
            "@article{k, title = x # # y}",
            "@article{k, title = {" + "{".repeat(200_000) + "}".repeat(200_000) + "}}",
            "@article{k, title = {" + "\\\"{".repeat(100_000) + "}".repeat(100_000) + "}}",
            "@article{k, title = {" + "\\textit{".repeat(100_000) + "}".repeat(100_000) + "}}",
        };
        for (String input : inputs) {
            try {
                bib(input);
            } catch (RecordFormatException expected) {
                // fine: a message for the user
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw new AssertionError("input " + input.substring(0, Math.min(30, input.length())) + " threw " + e, e);
            }
        }
    }
}
