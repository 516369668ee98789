package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModalityRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        rTMS                                   | Ten sessions of rTMS at 10 Hz. | rTMS
        theta burst alone                      | Intermittent theta burst stimulation (iTBS) of M1 was given. | theta-burst
        iTBS as a form of rTMS is theta-burst  | iTBS, a newer form of rTMS, was delivered to the DLPFC. Patients received iTBS daily. | theta-burst
        H-coil is deep TMS                     | Deep rTMS with an H-coil was applied over M1. | deep TMS
        implanted motor cortex stimulation     | Motor cortex stimulation (MCS) with an implanted epidural electrode relieved pain. | epidural MCS
        rTMS of the motor cortex is not MCS    | Repetitive transcranial magnetic stimulation of the motor cortex relieved pain. | rTMS
        anodal tDCS                            | Anodal tDCS over M1 at 2 mA for 20 min. | tDCS
        spinal cord stimulation is other       | Spinal cord stimulation (SCS) reduced leg pain. | other
        single-pulse TMS is other              | Single-pulse transcranial magnetic stimulation (sTMS) aborted migraine attacks. | other
        TMS to measure excitability is not a treatment | Anodal tDCS was given daily. Motor cortex excitability was measured with transcranial magnetic stimulation. Patients received tDCS for five days. tDCS reduced pain. | tDCS
        one background sentence of another modality is dropped | Earlier work with rTMS was promising. Patients received tDCS. tDCS was well tolerated. tDCS reduced pain. | tDCS
        two modalities compared                | Patients received rTMS or tDCS in random order. | rTMS;tDCS
        """)
    void modalitiesComeFromNamedTechniques(String behaviour, String abstractText, String expected) {
        assertEquals(expected, Inputs.values(TagSuggester.suggest(Inputs.text("A study", abstractText)).modalities()),
                behaviour);
    }
}
