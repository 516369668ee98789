package org.cortexlit.formats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixture we wrote for a tricky case of DOMAIN.md, walked by one table: what the file holds, and the
 * key fields of its first usable record. Focused assertions on each case live in the readers' own tests.
 */
class FixtureFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                         | format       | parsed | deleted | invalid | pmid     | year | doi                              | authors | mesh | title
            structured-abstract.xml           | PUBMED_XML   | 1      | 0       | 0       | 90000001 | 2014 | 10.1111/pme.12345                | 2       | 0    | High-frequency rTMS of the motor cortex for central post-stroke pain: a sham-controlled trial.
            inline-markup.xml                 | PUBMED_XML   | 1      | 0       | 0       | 90000002 | 2019 | -                                | 0       | 0    | 'Effects of theta-burst stimulation on 11C-raclopride binding & CO2 <5> in M1, DLPFC and café areas.'
            mathml.xml                        | PUBMED_XML   | 1      | 0       | 0       | 90000003 | 2018 | -                                | 0       | 0    | Inhaled He3 MRI and x=1 in vivo.
            medline-date.xml                  | PUBMED_XML   | 3      | 0       | 0       | 90000004 | 2006 | -                                | 0       | 0    | 'Motor cortex stimulation: a review.'
            collective-name.xml               | PUBMED_XML   | 1      | 0       | 0       | 90000007 | 2020 | -                                | 3       | 0    | A consensus on neuromodulation.
            vernacular-title.xml              | PUBMED_XML   | 1      | 0       | 0       | 90000008 | 1991 | -                                | 0       | 0    | [Chronic stimulation of the motor cortex in central pain].
            doi-elocation.xml                 | PUBMED_XML   | 1      | 0       | 0       | 90000009 | 2021 | 10.3389/fneur.2021.000123        | 0       | 0    | DOI only in ELocationID.
            doi-articleidlist-references.xml  | PUBMED_XML   | 2      | 0       | 0       | 90000010 | 2017 | 10.1097/j.pain.0000000000000999  | 0       | 0    | DOI only in the ArticleIdList.
            mesh-major-qualifiers.xml         | PUBMED_XML   | 1      | 0       | 0       | 90000012 | 2012 | -                                | 0       | 4    | MeSH with qualifiers.
            pmid-version2.xml                 | PUBMED_XML   | 1      | 0       | 0       | 90000013 | 2022 | -                                | 0       | 0    | A revised record.
            delete-citation.xml               | PUBMED_XML   | 1      | 3       | 0       | 90000014 | 2023 | -                                | 0       | 0    | An update file record.
            book-article-set.xml              | PUBMED_XML   | 2      | 0       | 0       | 90000015 | 2024 | 10.0000/statpearls.1             | 1       | 0    | Transcranial Magnetic Stimulation
            medline-citation-set.xml          | PUBMED_XML   | 2      | 1       | 0       | 90000017 | 2006 | 10.1016/j.pain.2005.01.001       | 1       | 1    | A legacy MEDLINE record.
            bare-pubmed-article.xml           | PUBMED_XML   | 1      | 0       | 0       | 90000019 | 2009 | 10.3171/2008.4.jns0001           | 1       | 0    | A bare article with no declaration.
            invalid-records.xml               | PUBMED_XML   | 1      | 0       | 2       | 90000021 | 2010 | -                                | 0       | 0    | The reader goes on after bad records.
            gzipped-article.xml.gz            | PUBMED_XML   | 1      | 0       | 0       | 90000001 | 2014 | 10.1111/pme.12345                | 2       | 0    | High-frequency rTMS of the motor cortex for central post-stroke pain: a sham-controlled trial.
            crlf-bom.nbib                     | MEDLINE_TEXT | 2      | 0       | 0       | 91000001 | 2019 | 10.1002/ejp.1364                 | 2       | 4    | 'Deep TMS of the insula for neuropathic pain: a randomized, sham-controlled crossover trial.'
            pmc-first.txt                     | MEDLINE_TEXT | 2      | 0       | 0       | 91000003 | 2018 | -                                | 1       | 0    | A PMC MEDLARS export where PMC comes first.
            continuation-lines.nbib           | MEDLINE_TEXT | 1      | 0       | 0       | 91000005 | 2004 | 10.1016/j.pain.2004.01.001       | 3       | 4    | 'Motor cortex stimulation for the treatment of neuropathic pain: long-term results in thirty patients with central and peripheral pain of various origins.'
            loose-layout.txt                  | MEDLINE_TEXT | 2      | 0       | 0       | 91000006 | 2015 | 10.5555/loose.1                  | 2       | 0    | A record written with no space after PMID.
            invalid-records.nbib              | MEDLINE_TEXT | 2      | 0       | 2       | 91000008 | 2011 | -                                | 0       | 0    | A good record.
            """)
    void eachFixtureReadsAsExpected(String fixture, RecordFormat format, int parsed, int deleted, int invalid,
                                    String pmid, Integer year, String doi, int authors, int mesh, String title)
            throws IOException {
        Events events = Events.fixture(fixture);

        assertEquals(format, events.format(), "format");
        assertEquals(parsed, events.records().size(), "parsed records");
        assertEquals(deleted, events.deletedPmids().size(), "deleted PMIDs");
        assertEquals(invalid, events.invalid().size(), "invalid records");
        Citation first = events.records().get(0);
        assertEquals(pmid, first.pmid(), "pmid");
        assertEquals(title, first.title(), "title");
        assertEquals(year, first.year(), "year");
        assertEquals(doi, first.doi(), "doi");
        assertEquals(authors, first.authors().size(), "authors");
        assertEquals(mesh, first.mesh().size(), "mesh headings");
        for (int i = 0; i < events.all().size(); i++) {
            assertEquals(i + 1, events.all().get(i).recordNumber(), "record numbers count from 1 in file order");
        }
    }
}
