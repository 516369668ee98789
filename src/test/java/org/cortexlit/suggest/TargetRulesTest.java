package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        M1 abbreviation                       | rTMS of M1 at 10 Hz relieved pain. | M1
        primary motor cortex                  | Stimulation of the primary motor cortex contralateral to pain. | M1
        precentral gyrus                      | An electrode was placed over the precentral gyrus. | M1
        hot spot of the first dorsal interosseous | The coil was placed over the hot spot of the first dorsal interosseous muscle. | M1
        hand knob                             | Neuronavigated rTMS targeted the hand knob. | M1
        motor threshold is not a target       | Intensity was 90% of the resting motor threshold. | -
        premotor cortex is not M1             | rTMS of the premotor cortex reduced pain. | premotor/SMA
        supplementary motor area              | Stimulation of the supplementary motor area (SMA). | premotor/SMA
        DLPFC                                 | 10 Hz rTMS over the left dorsolateral prefrontal cortex (DLPFC). | DLPFC
        left prefrontal as the usual site     | Active left prefrontal rTMS reduced morphine use. | DLPFC
        dorsomedial prefrontal is other       | Dorsomedial prefrontal iTBS was given daily. | other
        operculo-insular is insula            | Deep rTMS of the operculo-insular cortex. | insula
        posterior insula                      | The posterior insula was targeted with a double-cone coil. | insula
        cingulate is ACC                      | An H-coil reached the anterior cingulate cortex. | ACC
        S2 with somatosensory                 | cTBS of the secondary somatosensory cortex (S2). | S2
        S1 without somatosensory is ignored   | Pain was assessed at S1 and S2 visits. | -
        temporal cortex is other              | 1-Hz rTMS over the left temporal cortex for tinnitus. | other
        two targets                           | rTMS of M1 or the DLPFC in fibromyalgia. | DLPFC;M1
        implanted MCS implies M1              | Chronic motor cortex stimulation with implanted electrodes relieved pain. | M1
        """)
    void targetsComeFromNamedCorticalSites(String behaviour, String abstractText, String expected) {
        assertEquals(expected, Inputs.values(TagSuggester.suggest(Inputs.text("A study", abstractText)).targets()),
                behaviour);
    }
}
