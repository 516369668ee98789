package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        10 Hz is high                           | rTMS was delivered at 10 Hz over M1. | high
        hyphenated 1-Hz is low                  | 1-Hz rTMS was applied to the temporal cortex. | low
        20Hz without a space is high            | 20Hz rTMS of M1. | high
        5 Hz is high                            | A series of 10 daily 5-Hz rTMS sessions. | high
        0.5 Hz is low                           | rTMS at 0.5 Hz was given. | low
        high-frequency in words                 | High-frequency rTMS of M1 relieves pain. | high
        both frequencies                        | Patients received 1 Hz, 10 Hz or sham rTMS. | both
        a list carries the unit                 | rTMS trains of 1, 5, 10, and 20 Hz were tested. | both
        EEG bands are not the stimulation       | rTMS was applied. Alpha (8-12 Hz) power fell after rTMS. | -
        theta burst bursts are not rTMS frequency | cTBS consisted of bursts of 3 pulses at 50 Hz repeated at 5 Hz; rTMS was not used otherwise. | -
        tACS frequency is not rTMS frequency    | rTMS studies exist. tACS at 140 Hz was applied over the visual cortex. | -
        a numbered list is not a frequency list | rTMS groups were (1) 10 Hz left and (2) 5 Hz bilateral. | high
        tDCS has no frequency                   | Anodal tDCS at 2 mA for 20 min, 5 days. | -
        """)
    void frequencyIsReadFromTheStimulationNotFromOtherHertz(String behaviour, String abstractText, String expected) {
        assertEquals(expected, Inputs.value(TagSuggester.suggest(Inputs.text("A study", abstractText)).frequency()),
                behaviour);
    }

    @Test
    void bothFrequenciesAreListedAsHighAndLow() {
        Suggestion f = TagSuggester.suggest(Inputs.text("rTMS", "Low-frequency and high-frequency rTMS were compared."))
                .frequency();
        assertEquals("both", f.value());
        assertEquals(List.of("high", "low"), f.values());
    }
}
