package org.cortexlit.library;

import org.cortexlit.library.DuplicateRules.Keys;
import org.cortexlit.library.DuplicateRules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The deduplication rules of DOMAIN.md, their normalisation and their near misses. */
class DuplicateRulesTest {

    private static final String TITLE = "Motor cortex stimulation for chronic neuropathic pain: a randomized trial.";

    private static Keys keys(String pmid, String doi, String title, Integer year, String... surnames) {
        return Keys.of(pmid, doi, title, year, List.of(surnames));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "10.1016/J.PAIN.2019.01.001|10.1016/j.pain.2019.01.001",
            "https://doi.org/10.1016/j.pain.2019.01.001|10.1016/j.pain.2019.01.001",
            "http://dx.doi.org/10.1016/j.pain.2019.01.001|10.1016/j.pain.2019.01.001",
            "doi:10.1016/j.pain.2019.01.001|10.1016/j.pain.2019.01.001",
            "DOI: 10.1016/j.pain.2019.01.001 |10.1016/j.pain.2019.01.001",
            "  https://doi.org/doi:10.1/X  |10.1/x",
    })
    void doiKeysIgnoreCaseAndResolverPrefixes(String doi, String key) {
        assertEquals(key, DuplicateRules.doiKey(doi));
    }

    @Test
    void blankDoisHaveNoKey() {
        assertNull(DuplicateRules.doiKey(null));
        assertNull(DuplicateRules.doiKey("  "));
        assertNull(DuplicateRules.doiKey("https://doi.org/"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Motor cortex stimulation for chronic neuropathic pain: a randomized trial.",
            "MOTOR CORTEX STIMULATION FOR CHRONIC NEUROPATHIC PAIN - A RANDOMIZED TRIAL",
            "  Motor   cortex stimulation, for chronic <i>neuropathic</i> pain; a randomized trial  ",
            "[Motor cortex stimulation for chronic neuropathic pain: a randomized trial].",
            "Motor cortex stimulation for chronic neuropathic pain&#58; a randomized trial",
    })
    void titlesLoseCasePunctuationMarkupAndSpacing(String title) {
        assertEquals("motor cortex stimulation for chronic neuropathic pain a randomized trial",
                DuplicateRules.normaliseTitle(title));
        assertEquals(DuplicateRules.titleKey(TITLE), DuplicateRules.titleKey(title));
    }

    @Test
    void accentsAreFoldedInTitlesAndSurnames() {
        assertEquals("stimulation corticale et douleur", DuplicateRules.normaliseTitle("Stimulation corticale et Douleur!"));
        assertEquals("ete", DuplicateRules.normaliseTitle("Été"));
        assertEquals("muller", DuplicateRules.surname("Müller"));
        assertEquals("garciamarquez", DuplicateRules.surname("García-Márquez"));
        assertEquals("obrien", DuplicateRules.surname("O'Brien"));
        assertEquals("strasse", DuplicateRules.surname("Straße"));
        assertNull(DuplicateRules.surname(" - "));
        assertNull(DuplicateRules.normaliseTitle("?!"));
        assertNull(DuplicateRules.titleKey(null));
    }

    @Test
    void titleKeysAreFixedLengthWhateverTheTitle() {
        assertEquals(64, DuplicateRules.titleKey("x".repeat(100_000)).length());
        assertNotEquals(DuplicateRules.titleKey("Motor cortex stimulation"), DuplicateRules.titleKey("Motor cortex stimulation II"));
    }

    @Test
    void rule1TheSamePmid() {
        assertEquals(Optional.of(Rule.PMID), DuplicateRules.match(keys("123", null, "A", 2019), keys("123", null, "B", 2000)));
    }

    @Test
    void twoDifferentPmidsAreNeverOneWorkEvenWithTheSameDoiAndTitle() {
        // PubMed deduplicates itself; an erratum shares the article's DOI and often its title
        assertEquals(Optional.empty(), DuplicateRules.match(keys("1", "10.1/a", TITLE, 2019, "Lefaucheur"),
                keys("2", "10.1/a", TITLE, 2019, "Lefaucheur")));
    }

    @Test
    void rule2TheSameDoiWhateverItsCaseOrPrefix() {
        assertEquals(Optional.of(Rule.DOI), DuplicateRules.match(keys(null, "https://doi.org/10.1/ABC", "One title", 2019),
                keys("555", "doi:10.1/abc", "Another title", 2015)));
        assertEquals(Optional.of(Rule.DOI), DuplicateRules.match(keys(null, "10.1/abc", null, null),
                keys(null, "10.1/ABC", null, null)));
    }

    @Test
    void differentDoisDoNotMatchByDoi() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, "10.1/abc", "One", 2019, "Smith"),
                keys(null, "10.1/abd", "Two", 2019, "Smith")));
    }

    @Test
    void rule3TitleYearWithinOneAndASharedSurname() {
        Keys embase = keys(null, null, TITLE, 2019, "Lefaucheur", "Nguyen");
        assertEquals(Optional.of(Rule.TITLE), DuplicateRules.match(embase,
                keys("90000001", null, TITLE.toUpperCase(), 2020, "Nguyên", "Other")));
        assertEquals(Optional.of(Rule.TITLE), DuplicateRules.match(embase, keys(null, null, TITLE, 2018, "LEFAUCHEUR")));
        assertEquals(Optional.of(Rule.TITLE), DuplicateRules.match(embase, keys(null, null, TITLE, 2019, "lefaucheur")));
    }

    @Test
    void rule3AppliesWhenOnlyOneSideHasADoi() {
        assertEquals(Optional.of(Rule.TITLE), DuplicateRules.match(keys(null, "10.1/x", TITLE, 2019, "Smith"),
                keys(null, null, TITLE, 2019, "Smith")));
    }

    @Test
    void yearsTwoApartAreNotOneWork() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, 2019, "Smith"),
                keys(null, null, TITLE, 2021, "Smith")));
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, 2019, "Smith"),
                keys(null, null, TITLE, 2017, "Smith")));
    }

    @Test
    void noSharedSurnameIsNotOneWork() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, 2019, "Smith", "Jones"),
                keys(null, null, TITLE, 2019, "Brown")));
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, 2019, "Smith"),
                keys(null, null, TITLE, 2019)));
    }

    @Test
    void aMissingYearIsNotWithinOne() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, null, "Smith"),
                keys(null, null, TITLE, 2019, "Smith")));
    }

    @Test
    void aSimilarButDifferentTitleIsNotOneWork() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, TITLE, 2019, "Smith"),
                keys(null, null, TITLE.replace("randomized", "randomised"), 2019, "Smith")));
    }

    @Test
    void blankTitlesNeverMatch() {
        assertEquals(Optional.empty(), DuplicateRules.match(keys(null, null, "...", 2019, "Smith"),
                keys(null, null, "!!!", 2019, "Smith")));
    }
}
