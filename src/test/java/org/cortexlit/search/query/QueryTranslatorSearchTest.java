package org.cortexlit.search.query;

import org.cortexlit.search.Analyzers;
import org.cortexlit.search.PhraseIndex;
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

    /** Every query with the exact PMIDs it returns: a PMID not listed is one it must not return. */
    static Stream<Arguments> queries() {
        return Stream.of(
                // untagged words search every text field
                q("Cephalalgia", 1008),
                q("depression", 1005, 1011),
                q("dépression[ti]", 1005, 1011),
                q("parkinson's disease", 1004),
                q("lefaucheur", 1001, 1004, 1010, 1012, 1014),
                // a word the analyzer splits is a phrase
                q("rTMS-induced", 1001),
                q("10-Hz", 1001),
                // juxtaposed words mean AND; a lower-case "and" is not an operator
                q("motor cortex", 1001, 1002, 1003, 1010, 1013, 1015, 1017),
                q("motor and cortex", 1001, 1002, 1003, 1010, 1013, 1015, 1017),
                // quoted phrases
                q("\"motor cortex\"", 1001, 1002, 1010, 1013, 1015, 1017),
                q("\"cortex motor\"", 1003),
                // untagged phrases search one catch-all field, but never across two of its values: the title's end and
                // the abstract's start of 1001, two authors of 1001
                q("\"rtms induced analgesia\"", 1001),
                q("\"neuropathic pain rtms induced\""),
                q("\"jp nguyen\""),
                q("\"nguyen jp\"", 1001),
                q("\"neuropathic pain\"", 1001, 1007, 1016),
                // title, abstract, title/abstract, text word, all fields and their long forms, any case
                q("rtms[ti]", 1012),
                q("rtms[ab]", 1001),
                q("rTMS[tiab]", 1001, 1012),
                q("RTMS[TiAb] AND Pain", 1001, 1012),
                q("rtms[Title]", 1012),
                q("rtms[abstract]", 1001),
                q("\"neuropathic pain\"[tiab]", 1001, 1007),
                q("motor cortex[TITLE/ABSTRACT]", 1001, 1002, 1010, 1013, 1015, 1017),
                q("excitability[tw]", 1008),
                q("rtms[Text Word]", 1001, 1012),
                q("cephalalgia[tw]"),
                q("lefaucheur[tw]"),
                q("cephalalgia[all]", 1008),
                q("stroke[All Fields]", 1005, 1015),
                // a tag after several unquoted words makes them one phrase
                q("motor cortex[ti]", 1001, 1002, 1010, 1013, 1017),
                q("cortex motor[ti]", 1003),
                // MeSH, major topics (no tree, so :noexp changes nothing) and publication types
                q("neuralgia[mh]", 1001, 1007, 1016),
                q("neuralgia[mh:noexp]", 1001, 1007, 1016),
                q("neuralgia[majr]", 1001, 1016),
                q("\"motor cortex\"[mh]", 1001, 1002, 1013),
                q("\"motor cortex\"[MAJR]", 1002, 1013),
                q("\"motor cortex\"[majr:noexp]", 1002, 1013),
                q("\"transcranial magnetic stimulation\"[mesh terms]", 1001),
                q("\"deep brain stimulation\"[mh] OR \"brain mapping\"[MeSH]", 1003, 1004),
                q("review[pt]", 1002, 1005, 1007),
                q("\"systematic review\"[pt]", 1005),
                q("\"randomized controlled trial\"[pt]", 1001, 1006, 1013, 1014),
                q("erratum[publication type]", 1010),
                // journals: abbreviation or full title, as words (so pain[ta] also finds "Eur J Pain")
                q("\"Brain Stimul\"[ta]", 1006, 1012),
                q("\"brain stimulation\"[journal]", 1006, 1012),
                q("pain[ta]", 1001, 1010, 1013, 1015),
                q("schmerz[ta]", 1017),
                // languages: MEDLINE codes or names
                q("eng[la]", 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1012, 1013, 1014, 1015,
                        1016, 1017),
                q("French[la]", 1011),
                q("fre[language]", 1011),
                q("german[la]", 1017),
                q("jpn[la]"),
                q("pain NOT english[la]", 1011),
                // authors: PubMed's forms over the author keys; initials are truncated unless quoted
                q("lefaucheur[au]", 1001, 1004, 1010, 1012, 1014),
                q("lefaucheur jp[au]", 1001, 1010, 1012),
                q("Lefaucheur J[au]", 1001, 1010, 1012),
                q("lefaucheur a[au]", 1004),
                q("\"Lefaucheur JP\"[AU]", 1001, 1010, 1012),
                q("\"lefaucheur j\"[au]"),
                q("\"lefaucheur\"[au]", 1014),
                q("lefaucheur jp[author]", 1001, 1010, 1012),
                q("\"jp nguyen\"[au]"),
                q("Müller[au]", 1002, 1003),
                q("muller k[au]", 1002, 1003),
                q("smith ab[au]", 1002, 1012),
                q("smith[au]", 1002, 1006, 1012),
                q("Garcia-Larrea[au]", 1011),
                q("garcia-larrea l.[au]", 1011),
                q("neuropathic pain special interest group[au]", 1016),
                q("\"Neuropathic Pain Special Interest Group\"[au]", 1016),
                q("special interest group[au]"),
                q("placebo[ti] AND smith ab[au] AND lefaucheur jp[au]", 1012),
                q("lefaucheur[1au]", 1001, 1004, 1010, 1014),
                q("lefaucheur jp[1au]", 1001, 1010),
                q("lefaucheur[lastau]", 1004, 1010, 1012),
                q("lefaucheur jp[lastau]", 1010, 1012),
                q("hosomi k[lastau]", 1013),
                q("hosomi[1au] OR hosomi[lastau]", 1013, 1015),
                // years and ranges; months and days are accepted but only the year is searched
                q("2015[dp]", 1002),
                q("2010:2015[dp]", 1001, 1002, 1003, 1011, 1013, 1015),
                q("2010/01/01:2012/12/31[dp]", 1001, 1003, 1015),
                q("2015/03:2016[dp]", 1002, 1008, 1014),
                q("2015/06[dp]", 1002),
                q("2019/12[dp]", 1010, 1017),
                q("2018[pdat]", 1006),
                q("2019[Date of Publication]", 1010, 1017),
                q("cortex[ti] AND 2010:2012[dp]", 1001, 1003),
                // identifiers
                q("1007[pmid]", 1007),
                q("1007[uid]", 1007),
                q("10.1000/CORTEX.2012.001[doi]", 1001),
                q("https://doi.org/10.1000/rev.2015.7[doi]", 1002),
                q("10.1016/S0140-6736(20)30183-5[doi]", 1012),
                q("\"10.1016/s0140-6736(20)30183-5\"[doi]", 1012),
                // truncation, untagged and with every text tag
                q("stimul*", 1001, 1002, 1004, 1006, 1009, 1010, 1012, 1013, 1014, 1015, 1016, 1017),
                q("stimul*[ti]", 1001, 1002, 1004, 1009, 1010, 1013, 1014, 1015, 1016, 1017),
                q("Stimul*[TI]", 1001, 1002, 1004, 1009, 1010, 1013, 1014, 1015, 1016, 1017),
                q("stimul*[tw]", 1001, 1002, 1004, 1006, 1009, 1010, 1012, 1013, 1014, 1015, 1016, 1017),
                q("stimul*[all]", 1001, 1002, 1004, 1006, 1009, 1010, 1012, 1013, 1014, 1015, 1016, 1017),
                q("stimul*[mh]", 1001, 1004, 1006),
                q("stimul*[majr]", 1004, 1006),
                q("stimul*[ta]", 1006, 1012),
                q("randomi*[ti]", 1013),
                q("excitab*[ab] OR learning[mh]", 1008, 1009),
                q("trial*[pt]", 1001, 1004, 1006, 1013, 1014, 1015),
                q("lefauch*[au]", 1001, 1004, 1010, 1012, 1013, 1014),
                q("lefaucheur j*[au]", 1001, 1010, 1012),
                q("hosom*[1au]", 1015),
                // proximity: within N words (1001 has "motor cortex for neuropathic pain", 2 words off)
                q("\"motor cortex pain\"[tiab:~3]", 1001, 1002, 1010, 1015, 1017),
                q("\"motor cortex pain\"[tiab:~2]", 1001, 1010, 1015),
                q("\"motor cortex pain\"[tiab:~1]", 1015),
                q("\"motor cortex pain\"[tiab:~0]"),
                q("\"motor cortex pain\"[tiab]"),
                q("\"motor cortex pain\"[ti:~3]", 1001, 1010, 1017),
                q("\"motor cortex pain\"[ab:~3]", 1002, 1015),
                q("\"cortex motor\"[Title:~0]", 1003),
                q("\"pain neuropathic\"[ti:~2]", 1001, 1007),
                q("\"pain neuropathic\"[ti:~1]"),
                // automatic term mapping: untagged, unquoted terms also find their synonyms ...
                q("rtms", 1001, 1012, 1014),
                q("RTMS", 1001, 1012, 1014),
                q("repetitive transcranial magnetic stimulation", 1001, 1012, 1014),
                q("TMS", 1001, 1003, 1008, 1014),
                q("dlpfc", 1014),
                // ... and the field's shorthand finds what abstracts say for it, one way: M1 finds "motor cortex"
                // (1001, 1002, 1010, 1013, 1017) but "motor cortex" does not find a bare M1 (1016)
                q("M1", 1001, 1002, 1010, 1013, 1015, 1016, 1017),
                q("primary motor cortex", 1015, 1016),
                q("Primary Motor Cortex", 1015, 1016),
                q("precentral gyrus", 1015, 1016),
                q("motor cortex stimulation", 1002, 1010, 1013, 1017),
                q("MCS", 1002, 1010, 1013, 1017),
                q("cpsp", 1015),
                q("theta burst", 1016),
                q("crps", 1016),
                q("SCI", 1016),
                q("tDCS", 1006, 1016),
                q("pain AND (rtms OR tdcs)", 1001, 1012, 1014, 1016),
                q("NOT rtms", 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1013, 1015, 1016, 1017),
                q("anesthesia", 1013),
                q("anaesthesia[ti]", 1013),
                q("edema AND hemorrhage AND pediatric", 1013),
                q("behavior", 1013, 1015),
                q("tumor", 1015),
                q("randomization", 1015),
                q("Randomised", 1001, 1006, 1013, 1014),
                // ... quoting or tagging searches the term as typed
                q("\"rTMS\"", 1001, 1012),
                q("rtms[all]", 1001, 1012),
                q("rtms[tw]", 1001, 1012),
                q("\"repetitive transcranial magnetic stimulation\"", 1001, 1014),
                q("tms[tiab]", 1003, 1008),
                q("dlpfc[tiab]"),
                q("\"primary motor cortex\""),
                q("\"M1\"", 1015),
                q("mcs[tiab]"),
                q("primary and motor cortex"),
                q("anesthesia[tiab]"),
                q("\"anesthesia\""),
                q("behavior[ab]"),
                q("\"randomization\""),
                // reviewers' tags: one field per dimension, exact values, any case, spaces, '/' and '-' kept
                q("controlled[design]", 1001, 1006, 1013, 1014),
                q("CONTROLLED[Design]", 1001, 1006, 1013, 1014),
                q("uncontrolled[design]", 1015),
                q("review[design]", 1002, 1012),
                q("other[design]", 1016),
                q("controlled[design] AND M1[target]", 1001, 1013),
                q("m1[target]", 1001, 1002, 1013, 1015),
                q("M1[target] NOT controlled[design]", 1002, 1015),
                q("\"deep TMS\"[modality]", 1015),
                q("deep tms[modality]", 1015),
                q("deep[modality]"),
                q("premotor/SMA[target]", 1015),
                q("\"premotor/sma\"[target]", 1015),
                q("premotor[target]"),
                q("theta-burst[modality]", 1016),
                q("\"epidural MCS\"[modality]", 1002, 1013),
                q("tdcs[modality] OR dlpfc[target]", 1006, 1014, 1016),
                q("(M1[target] OR DLPFC[target]) AND rTMS[modality]", 1001, 1014),
                q("high[frequency]", 1001, 1014),
                q("low[frequency]"),
                q("10[sessions]", 1001, 1015),
                q("010[sessions]", 1001, 1015),
                q("90%[intensity]", 1014),
                q("110 % RMT[intensity]", 1015),
                q("fibromyalgia[condition]", 1014),
                q("\"central post-stroke pain\"[condition]", 1013, 1015),
                q("theta*[modality]", 1016),
                q("t*[modality]", 1006, 1016),
                q("deep t*[modality]", 1015),
                q("ACC[target]"),
                // ... a tagged term is never term-mapped (M1 alone also finds "precentral gyrus", 1016) ...
                q("TMS[modality]"),
                q("\"repetitive transcranial magnetic stimulation\"[modality]"),
                q("M1[target] AND 2010:2012[dp]", 1001, 1015),
                q("rtms AND controlled[design]", 1001, 1014),
                // ... and untagged words search the article's text only, never its tags
                q("uncontrolled"),
                q("premotor"),
                q("\"deep TMS\""),
                q("\"central post-stroke pain\"", 1015),
                q("fibromyalgia", 1014),
                // operators evaluate left to right with equal precedence
                q("pain OR depression AND stroke", 1005, 1015),
                q("pain OR (depression AND stroke)", 1001, 1002, 1005, 1007, 1010, 1011, 1012, 1013, 1014, 1015,
                        1016, 1017),
                q("stroke AND depression OR pain", 1001, 1002, 1005, 1007, 1010, 1011, 1012, 1013, 1014, 1015,
                        1016, 1017),
                q("pain NOT review[pt] OR tdcs", 1001, 1006, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017),
                q("(tms OR tdcs) AND migraine", 1008),
                q("pain[ab] NOT (chronic OR neuropathic)", 1005, 1012, 1014, 1015),
                q("(lefaucheur[au] OR muller[au]) NOT 2015:2020[dp]", 1001, 1003),
                q("((motor) AND (cortex[ti]))", 1001, 1002, 1003, 1010, 1013, 1017),
                // NOT with nothing on its left
                q("NOT review[pt]", 1001, 1003, 1004, 1006, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016,
                        1017),
                q("NOT pain NOT stimul*", 1003, 1008),
                q("NOT (pain OR stimul*)", 1003, 1008),
                q("pain AND NOT review[pt]", 1001, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017),
                q("\"motor cortex\"[ti] NOT review[pt]", 1001, 1010, 1013, 1017),
                q("NOT review[pt] OR tdcs", 1001, 1003, 1004, 1006, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015,
                        1016, 1017));
    }

    private static Arguments q(String query, int... pmids) {
        return Arguments.of(query, Arrays.stream(pmids).boxed().toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queries")
    void findsExactlyTheRecordsPubmedWould(String query, List<Integer> expected) throws QuerySyntaxException {
        assertEquals(expected, corpus.pmids(TRANSLATOR.translate(query).query()));
    }

    /** The form an index holding the phrase tokens runs ({@code PhraseIndex}): the same records. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queries")
    void thePhraseTokenFormFindsExactlyTheSameRecords(String query, List<Integer> expected) throws QuerySyntaxException {
        assertEquals(expected, corpus.pmids(TRANSLATOR.translate(query).withPhraseTokens()));
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

    @Test
    void highlightsTheSynonymsATermWasMappedTo() throws QuerySyntaxException {
        assertEquals(Set.of("dlpfc", "dorsolateral", "prefrontal", "cortex"), TRANSLATOR.translate("DLPFC").highlightTerms());
        assertEquals(Set.of("dlpfc"), TRANSLATOR.translate("DLPFC[tiab]").highlightTerms());
    }
}
