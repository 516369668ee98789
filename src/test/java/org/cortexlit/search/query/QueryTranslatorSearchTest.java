package org.cortexlit.search.query;

import org.cortexlit.search.Analyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reviewer pastes a PubMed query and gets exactly the records PubMed's rules would give. */
class QueryTranslatorSearchTest {

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());
    private static TestCorpus corpus;

    @BeforeAll
    static void buildIndex() {
        corpus = new TestCorpus();
    }

    @AfterAll
    static void closeIndex() throws IOException {
        corpus.close();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // untagged words search every text field
                q("rtms", 1001, 1012),
                q("Cephalalgia", 1008),
                q("depression", 1005, 1011),
                q("dépression[ti]", 1005, 1011),
                q("parkinson's disease", 1004),
                // a word the analyzer splits is a phrase
                q("rTMS-induced", 1001),
                q("10-Hz", 1001),
                // juxtaposed words mean AND; a lower-case "and" is not an operator
                q("motor cortex", 1001, 1002, 1003, 1010),
                q("motor and cortex", 1001, 1002, 1003, 1010),
                // quoted phrases
                q("\"motor cortex\"", 1001, 1002, 1010),
                q("\"cortex motor\"", 1003),
                // title, abstract, title/abstract and their long forms, any case
                q("rtms[ti]", 1012),
                q("rtms[ab]", 1001),
                q("rTMS[tiab]", 1001, 1012),
                q("RTMS[TiAb] AND Pain", 1001, 1012),
                q("rtms[Title]", 1012),
                q("rtms[abstract]", 1001),
                q("\"neuropathic pain\"[tiab]", 1001, 1007),
                q("motor cortex[TITLE/ABSTRACT]", 1001, 1002, 1010),
                // a tag after several unquoted words makes them one phrase
                q("motor cortex[ti]", 1001, 1002, 1010),
                q("cortex motor[ti]", 1003),
                q("stroke[all]", 1005),
                // MeSH and publication type are phrases
                q("neuralgia[mh]", 1001, 1007),
                q("\"motor cortex\"[mh]", 1001, 1002),
                q("\"transcranial magnetic stimulation\"[mesh terms]", 1001),
                q("\"deep brain stimulation\"[mh] OR \"brain mapping\"[MeSH]", 1003, 1004),
                q("review[pt]", 1002, 1005, 1007),
                q("\"systematic review\"[pt]", 1005),
                q("\"randomized controlled trial\"[pt]", 1001, 1006),
                q("erratum[publication type]", 1010),
                // authors: a surname alone is a term, surname and initials a phrase, accents folded
                q("lefaucheur[au]", 1001, 1004, 1010, 1012),
                q("lefaucheur jp[au]", 1001, 1010, 1012),
                q("\"Lefaucheur JP\"[AU]", 1001, 1010, 1012),
                q("lefaucheur jp[author]", 1001, 1010, 1012),
                q("\"jp nguyen\"[au]"),
                q("Müller[au]", 1002, 1003),
                q("muller k[au]", 1002, 1003),
                q("smith ab[au]", 1002, 1012),
                q("smith[au]", 1002, 1006, 1012),
                q("placebo[ti] AND smith ab[au] AND lefaucheur jp[au]", 1012),
                // years and ranges
                q("2015[dp]", 1002),
                q("2010:2015[dp]", 1001, 1002, 1003, 1011),
                q("2010/01/01:2012/12/31[dp]", 1001, 1003),
                q("2018[pdat]", 1006),
                q("2019[Date of Publication]", 1010),
                q("cortex[ti] AND 2010:2012[dp]", 1001, 1003),
                // identifiers
                q("1007[pmid]", 1007),
                q("1007[uid]", 1007),
                q("10.1000/CORTEX.2012.001[doi]", 1001),
                q("https://doi.org/10.1000/rev.2015.7[doi]", 1002),
                q("10.1016/S0140-6736(20)30183-5[doi]", 1012),
                q("\"10.1016/s0140-6736(20)30183-5\"[doi]", 1012),
                // truncation
                q("stimul*", 1001, 1002, 1004, 1006, 1009, 1010, 1012),
                q("stimul*[ti]", 1001, 1002, 1004, 1009, 1010),
                q("Stimul*[TI]", 1001, 1002, 1004, 1009, 1010),
                q("excitab*[ab] OR learning[mh]", 1008, 1009),
                q("trial*[pt]", 1001, 1004, 1006),
                // operators evaluate left to right with equal precedence
                q("pain OR depression AND stroke", 1005),
                q("pain OR (depression AND stroke)", 1001, 1002, 1005, 1007, 1010, 1011, 1012),
                q("stroke AND depression OR pain", 1001, 1002, 1005, 1007, 1010, 1011, 1012),
                q("pain NOT review[pt] OR tdcs", 1001, 1006, 1010, 1011, 1012),
                q("(tms OR tdcs) AND migraine", 1008),
                q("pain[ab] NOT (chronic OR neuropathic)", 1005, 1012),
                q("(lefaucheur[au] OR muller[au]) NOT 2015:2020[dp]", 1001, 1003),
                q("((motor) AND (cortex[ti]))", 1001, 1002, 1003, 1010),
                // NOT with nothing on its left
                q("NOT review[pt]", 1001, 1003, 1004, 1006, 1008, 1009, 1010, 1011, 1012),
                q("NOT pain NOT stimul*", 1003, 1008),
                q("NOT (pain OR stimul*)", 1003, 1008),
                q("pain AND NOT review[pt]", 1001, 1010, 1011, 1012),
                q("\"motor cortex\"[ti] NOT review[pt]", 1001, 1010),
                q("NOT review[pt] OR tdcs", 1001, 1003, 1004, 1006, 1008, 1009, 1010, 1011, 1012));
    }

    private static Arguments q(String query, int... pmids) {
        return Arguments.of(query, Arrays.stream(pmids).boxed().toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queries")
    void findsExactlyTheRecordsPubmedWould(String query, List<Integer> expected) throws QuerySyntaxException {
        assertEquals(expected, corpus.pmids(TRANSLATOR.translate(query).query()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void searchingTheNormalisedQueryFindsTheSameRecords(String query, List<Integer> expected)
            throws QuerySyntaxException {
        TranslatedQuery first = TRANSLATOR.translate(query);
        TranslatedQuery again = TRANSLATOR.translate(first.normalized());
        assertEquals(first.normalized(), again.normalized());
        assertEquals(first.query(), again.query());
        assertEquals(expected, corpus.pmids(again.query()));
    }

    @Test
    void highlightsPositiveTitleAndAbstractTermsOnly() throws QuerySyntaxException {
        TranslatedQuery translated = TRANSLATOR.translate(
                "rTMS[tiab] AND \"Motor Cortex\" NOT pain AND stimul* AND lefaucheur[au] AND review[pt]");
        assertEquals(Set.of("rtms", "motor", "cortex", "stimul*"), translated.highlightTerms());
    }
}
