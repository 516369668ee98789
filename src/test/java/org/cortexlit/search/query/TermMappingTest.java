package org.cortexlit.search.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synonym file says which abbreviations and spellings a reviewer's untagged terms also find. */
class TermMappingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "rTMS | repetitive transcranial magnetic stimulation",
            "M1 | primary motor cortex | precentral gyrus",
            "DLPFC | dorsolateral prefrontal cortex",
            "MCS | motor cortex stimulation",
            "tDCS | transcranial direct current stimulation",
            "TBS | theta burst | theta-burst stimulation | theta burst stimulation",
            "iTBS | intermittent theta burst",
            "cTBS | continuous theta burst",
            "CPSP | central post-stroke pain | central poststroke pain",
            "TMS | transcranial magnetic stimulation",
            "SMA | supplementary motor area",
            "ACC | anterior cingulate cortex",
            "CRPS | complex regional pain syndrome",
            "SCI | spinal cord injury",
            "anaesthesia | anesthesia", "anaesthetic | anesthetic", "oedema | edema", "haemorrhage | hemorrhage",
            "randomised | randomized", "randomisation | randomization", "tumour | tumor", "behaviour | behavior",
            "paediatric | pediatric"})
    void theSynonymFileHoldsTheAgreedGroups(String line) {
        List<String> expected = Arrays.stream(line.split("\\|")).map(String::strip).toList();
        List<String> group = TermMapping.groups().stream().filter(g -> g.contains(expected.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no group holds " + expected.get(0)));
        assertTrue(group.containsAll(expected), () -> group + " should contain " + expected);
    }

    @Test
    void theLongestMemberWinsAndCaseIsIgnored() {
        List<String> words = List.of("Intermittent", "THETA", "burst", "stimulation", "pain");
        TermMapping.Match match = TermMapping.longestAt(words, 0);
        assertEquals(4, match.length());
        assertEquals(List.of("iTBS", "intermittent theta burst", "intermittent theta-burst stimulation"),
                match.synonyms());
        assertEquals(3, TermMapping.longestAt(words, 1).length());
        assertNull(TermMapping.longestAt(words, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "M1 > motor cortex | motor cortex stimulation | MCS",
            "DLPFC > dorsolateral prefrontal",
            "S1 > somatosensory cortex",
            "SMA > premotor cortex",
            "TBS > theta-burst | iTBS | cTBS",
            "tDCS > direct current stimulation",
            "MCS > epidural motor cortex stimulation",
            "deep TMS > H-coil | deep transcranial magnetic stimulation"})
    void theFieldsShorthandFindsWhatAbstractsSayForIt(String line) {
        String term = line.substring(0, line.indexOf('>')).strip();
        List<String> finds = Arrays.stream(line.substring(line.indexOf('>') + 1).split("\\|")).map(String::strip).toList();
        List<String> words = Arrays.asList(term.split(" "));
        TermMapping.Match match = TermMapping.longestAt(words, 0);
        assertEquals(words.size(), match.length(), term);
        assertTrue(match.synonyms().containsAll(finds), () -> term + " finds " + match.synonyms() + ", not all of " + finds);
    }

    @Test
    void oneWayTermsAreNotFoundBackFromTheLongerWords() {
        TermMapping.Match motorCortex = TermMapping.longestAt(List.of("motor", "cortex"), 0);
        assertTrue(motorCortex == null || !motorCortex.synonyms().contains("M1"), String.valueOf(motorCortex));
        TermMapping.Match hCoil = TermMapping.longestAt(List.of("H-coil"), 0);
        assertNull(hCoil);
    }

    @Test
    void analgesiaIsSpelledTheSameEverywhere() {
        assertNull(TermMapping.longestAt(List.of("analgesia"), 0));
    }
}
