package org.cortexlit.formats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every RIS and BibTeX fixture we wrote for a tricky case, walked by one table: what the file holds and the
 * key fields of its first usable record. Focused assertions live in {@link RisReaderTest} and
 * {@link BibtexReaderTest}.
 */
class RisBibtexFixturesTest {

    static Path fixture(String name) {
        try {
            return Path.of(RisBibtexFixturesTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("missing fixture " + name, e));
        }
    }

    static Events read(String name) throws IOException {
        return Events.read(fixture(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                        | format | parsed | invalid | pmid     | sourceId         | year | doi                             | authors | title
            ris/bom-crlf.ris                 | RIS    | 2      | 0       | -        | -                | 2019 | 10.1002/ejp.1364                | 2       | 'Deep TMS of the insula for neuropathic pain: a crossover trial'
            ris/continuation-lines.ris       | RIS    | 1      | 0       | -        | -                | 2004 | -                               | 1       | 'Motor cortex stimulation for the treatment of neuropathic pain: long-term results in thirty patients'
            ris/rayyan-keywords.ris          | RIS    | 2      | 0       | -        | rayyan-264552525 | 2011 | -                               | 0       | Overcoming pain management challenges
            ris/missing-er.ris               | RIS    | 3      | 0       | -        | -                | 2001 | -                               | 0       | 'First record, closed properly'
            ris/odd-years.ris                | RIS    | 7      | 0       | -        | -                | 2019 | -                               | 0       | Zotero writes empty date parts
            ris/pmid-sources.ris             | RIS    | 8      | 0       | 21553931 | 369              | -    | -                               | 0       | EndNote export of a PubMed record
            ris/doi-prefixes.ris             | RIS    | 6      | 0       | -        | -                | -    | 10.1016/j.pain.2004.01.001      | 0       | Resolver prefix
            ris/fields.ris                   | RIS    | 4      | 0       | -        | -                | 2020 | -                               | 7       | A chapter on neuromodulation
            ris/untitled.ris                 | RIS    | 1      | 2       | -        | -                | -    | -                               | 0       | The one good record
            bibtex/accents-braces.bib        | BIBTEX | 1      | 0       | -        | Muller2019       | 2019 | 10.1016/j.clinph.2019.01.001    | 4       | 'rTMS of the motor cortex in Parkinson''s disease: in vivo effects on β-oscillations'
            bibtex/strings-comments.bib      | BIBTEX | 2      | 0       | -        | lefaucheur2004   | 2004 | -                               | 0       | Motor cortex rTMS restores defective intracortical inhibition
            bibtex/endnote-junk.bib          | BIBTEX | 4      | 0       | 11111111 | RN12             | 2001 | -                               | 1       | First after junk
            bibtex/broken.bib                | BIBTEX | 2      | 3       | -        | good1            | 2001 | -                               | 0       | The first entry is fine
            """)
    void eachFixtureReadsAsExpected(String fixture, RecordFormat format, int parsed, int invalid, String pmid,
                                    String sourceId, Integer year, String doi, int authors, String title)
            throws IOException {
        Events events = read(fixture);

        assertEquals(format, events.format(), "format");
        assertEquals(parsed, events.records().size(), "parsed records");
        assertEquals(invalid, events.invalid().size(), "invalid records");
        Citation first = events.records().get(0);
        assertEquals(pmid, first.pmid(), "pmid");
        assertEquals(sourceId, first.sourceId(), "sourceId");
        assertEquals(title, first.title(), "title");
        assertEquals(year, first.year(), "year");
        assertEquals(doi, first.doi(), "doi");
        assertEquals(authors, first.authors().size(), "authors");
        for (int i = 0; i < events.all().size(); i++) {
            assertEquals(i + 1, events.all().get(i).recordNumber(), "record numbers count from 1 in file order");
        }
    }
}
